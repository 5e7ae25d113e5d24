package io.rebatch.jobs.payout;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Bucket;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.payout.PayoutResult;
import io.rebatch.domain.payout.ResultVerdict;
import io.rebatch.domain.payout.Withdrawal;
import io.rebatch.domain.payout.WithdrawalStatus;
import io.rebatch.jobs.common.FaultInjection;
import io.rebatch.jobs.common.JobLock;
import io.rebatch.readers.payout.PayoutResultFile;
import io.rebatch.writers.ledger.LedgerMoves;
import io.rebatch.writers.payout.WithdrawalStore;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Applies one chunk of result rows in the chunk's transaction, set-based: the named withdrawals are locked in id
 * order with one query, each row is judged by {@link ResultVerdict} in file order against the withdrawal as the
 * rows before it left it (so a second, different result for the same withdrawal in one file is refused too), and
 * then the statuses, the ledger moves (withdrawing → paid, or back to available; entry key
 * {@code W:<id>:RESULT}, unique, so no withdrawal is ever settled twice even by two importers at once) and the
 * refused rows (quarantine, payee masked) are written in batches.
 *
 * <p>Counts go to the step's execution context ({@code result.*}).
 */
public class PayoutResultWriter implements ItemWriter<PayoutResultFile.Row> {
    public static final String KIND = "PAYOUT_RESULT";

    private final String importKey;
    private final String source;
    private final StepExecution stepExecution;
    private final WithdrawalStore store;
    private final LedgerMoves moves;
    private final QuarantineStore quarantine;
    private final JobLock jobLock;
    private final FaultInjection faults;
    private final Clock clock;

    public PayoutResultWriter(String importKey, String source, StepExecution stepExecution, WithdrawalStore store,
                              LedgerMoves moves, QuarantineStore quarantine, JobLock jobLock, FaultInjection faults,
                              Clock clock) {
        this.importKey = importKey;
        this.source = source;
        this.stepExecution = stepExecution;
        this.store = store;
        this.moves = moves;
        this.quarantine = quarantine;
        this.jobLock = jobLock;
        this.faults = faults;
        this.clock = clock;
    }

    private record Parsed(PayoutResultFile.Row row, PayoutResult result) {
    }

    @Override
    public void write(Chunk<? extends PayoutResultFile.Row> chunk) {
        jobLock.checkHeld();
        long first = stepExecution.getWriteCount() + 1;
        faults.beforeWrite("payout-result", first, first + chunk.size() - 1);
        Instant now = clock.instant();
        List<QuarantineStore.Entry> refused = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>(chunk.size());
        Set<Long> ids = new LinkedHashSet<>();
        for (PayoutResultFile.Row row : chunk) {
            if (row.error() != null) {
                refused.add(entry(row, row.error()));
                continue;
            }
            try {
                PayoutResult r = PayoutResult.parse(row.fields());
                parsed.add(new Parsed(row, r));
                ids.add(r.withdrawalId());
            } catch (BadInputException e) {
                refused.add(entry(row, e.getMessage()));
            }
        }
        Map<Long, Withdrawal> current = new HashMap<>();
        for (Withdrawal w : store.lock(ids)) {
            current.put(w.id(), w);
        }
        List<WithdrawalStore.Result> results = new ArrayList<>();
        List<LedgerMoves.Move> postings = new ArrayList<>();
        long[] counts = new long[4];   // paid, failed, unchanged, paid_fen
        for (Parsed p : parsed) {
            Withdrawal w = current.get(p.result().withdrawalId());
            ResultVerdict verdict = ResultVerdict.judge(w, p.result());
            switch (verdict.kind()) {
                case PAY -> {
                    results.add(new WithdrawalStore.Result(w.id(), WithdrawalStatus.PAID, p.result().transferNo(), null,
                            p.result().completedAt(), source));
                    postings.add(new LedgerMoves.Move("W:" + w.id() + ":RESULT", w.userId(), Bucket.WITHDRAWING,
                            Bucket.PAID, w.amountFen(), "WDR"));
                    current.put(w.id(), w.withResult(WithdrawalStatus.PAID, p.result().transferNo(), null));
                    counts[0]++;
                    counts[3] += w.amountFen();
                }
                case FAIL -> {
                    String reason = p.result().failureReason().isEmpty() ? "失败" : p.result().failureReason();
                    String transferNo = p.result().transferNo().isEmpty() ? null : p.result().transferNo();
                    results.add(new WithdrawalStore.Result(w.id(), WithdrawalStatus.FAILED, transferNo, reason,
                            p.result().completedAt(), source));
                    postings.add(new LedgerMoves.Move("W:" + w.id() + ":RESULT", w.userId(), Bucket.WITHDRAWING,
                            Bucket.AVAILABLE, w.amountFen(), "WDR"));
                    current.put(w.id(), w.withResult(WithdrawalStatus.FAILED, transferNo, reason));
                    counts[1]++;
                }
                case UNCHANGED -> counts[2]++;
                case REFUSE -> refused.add(entry(p.row(), verdict.message()));
            }
        }
        store.record(results, now);
        moves.move(postings, BusinessTime.dateOf(now), stepExecution.getJobExecutionId());
        quarantine.insert(refused);
        ExecutionContext ctx = stepExecution.getExecutionContext();
        add(ctx, "result.paid", counts[0]);
        add(ctx, "result.failed", counts[1]);
        add(ctx, "result.unchanged", counts[2]);
        add(ctx, "result.refused", refused.size());
        add(ctx, "result.paid_fen", counts[3]);
    }

    private QuarantineStore.Entry entry(PayoutResultFile.Row row, String reason) {
        return new QuarantineStore.Entry(importKey, row.lineNo(), KIND, null, source, row.lineNo(), row.maskedText(),
                reason);
    }

    private static void add(ExecutionContext ctx, String key, long n) {
        ctx.putLong(key, ctx.getLong(key, 0L) + n);
    }
}
