package io.rebatch.jobs.settle;

import io.rebatch.domain.Platforms;
import io.rebatch.domain.Attribution;
import io.rebatch.domain.AttributionLock;
import io.rebatch.domain.LedgerDiff;
import io.rebatch.domain.LineSettlement;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.domain.RuleSets;
import io.rebatch.domain.SettleDue;
import io.rebatch.domain.ShareSplit;
import io.rebatch.jobs.common.FaultInjection;
import io.rebatch.jobs.common.JobLock;
import io.rebatch.writers.ledger.LedgerWriter;
import io.rebatch.writers.rebates.RebateRecordStore;
import io.rebatch.writers.report.SettleReport;
import io.rebatch.writers.settle.SettleItem;
import io.rebatch.writers.settle.SettleLookups;
import io.rebatch.writers.settle.SettlementState;
import io.rebatch.writers.settle.SettlementStateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Settles one chunk of lines as of business date D, in the chunk's transaction: re-checks the job lock, locks the
 * chunk's lines and reads them as committed, attributes the lines that are due a try (SPEC 4) with one batched
 * look-up per kind of data, evaluates income, shares and buckets with the domain rules, posts only the
 * differences from what is already posted (SPEC 5), and records each line's new settlement state with a
 * conditional write. State and postings commit together, so a rerun posts nothing and a crash at any point
 * followed by a restart converges.
 *
 * <p>Two writers on one database (a lost job lock, two nodes) can never post a line twice: the line rows are
 * locked for the chunk, and a state computed from a stale one is refused by the database. A chunk that loses such
 * a race (or a deadlock) rolls its writes back to a savepoint and is computed again from the committed state, a
 * bounded number of times with back-off (Spring's {@link RetryTemplate}).
 *
 * <p>A line that cannot be settled — no rule set in force on its rule date, a rule that rejects it — is
 * <b>held</b> (SPEC 9): its reason is recorded, nothing new is posted for it, and the rest of the night settles.
 * A later rerun picks it up once the cause is fixed.
 *
 * <p>The same transaction keeps the app's rebate records ({@code rebate_record}) true: only the records that differ
 * from what is stored are written ({@link RebateRecords}), so a rerun in which nothing changed writes none. How many
 * were written, per platform, is kept in the step's execution context ({@value #RECORDS_WRITTEN}{@code .<platform>},
 * carried over a restart) for the run's report.
 */
public class SettleWriter implements ItemWriter<Long>, ItemStream {
    /** Execution-context key prefix of the per-platform count of rebate records this step wrote. */
    public static final String RECORDS_WRITTEN = "rebate-records-written";

    private static final RetryPolicy RACES = RetryPolicy.builder().includes(TransientDataAccessException.class)
            .maxRetries(8).delay(Duration.ofMillis(50)).multiplier(2).maxDelay(Duration.ofSeconds(2))
            .jitter(Duration.ofMillis(25)).build();

    private final LocalDate businessDate;
    private final long jobExecutionId;
    private final ChunkAttribution attribution;
    private final SettlementStateStore stateStore;
    private final LedgerWriter ledger;
    private final RebateRecordStore rebateRecords;
    private final FaultInjection faults;
    private final JobLock jobLock;
    private final DataSource dataSource;
    private final RuleSets ruleSets;
    private final RetryTemplate retry = new RetryTemplate(RACES);
    private final Map<Platform, Long> recordsWritten = new TreeMap<>();
    private final ChunkNumbers numbers;

    SettleWriter(LocalDate businessDate, long jobExecutionId, RuleSets ruleSets,
                 SettleLookups lookups, SettlementStateStore stateStore, LedgerWriter ledger,
                 RebateRecordStore rebateRecords, FaultInjection faults, JobLock jobLock, DataSource dataSource,
                 ChunkNumbers numbers) {
        this.numbers = numbers;
        this.businessDate = businessDate;
        this.jobExecutionId = jobExecutionId;
        this.ruleSets = ruleSets;
        this.attribution = new ChunkAttribution(ruleSets, lookups, businessDate);
        this.stateStore = stateStore;
        this.ledger = ledger;
        this.rebateRecords = rebateRecords;
        this.faults = faults;
        this.jobLock = jobLock;
        this.dataSource = dataSource;
    }

    /** A writer over the settle stores of {@code jdbc} (the job's and the dry run's). */
    static SettleWriter of(LocalDate businessDate, long jobExecutionId, RuleSets ruleSets,
                           NamedParameterJdbcTemplate jdbc, LedgerWriter ledger, FaultInjection faults, JobLock jobLock,
                           DataSource dataSource, ChunkNumbers numbers) {
        return new SettleWriter(businessDate, jobExecutionId, ruleSets, new SettleLookups(jdbc),
                new SettlementStateStore(jdbc), ledger, new RebateRecordStore(jdbc.getJdbcTemplate()), faults, jobLock,
                dataSource, numbers);
    }

    @Override
    public void write(Chunk<? extends Long> chunk) {
        long[] range = numbers.next(jobExecutionId, chunk.size());
        long first = range[0];
        long last = range[1];
        faults.beforeWrite("settle", first, last);
        List<Long> seqs = new ArrayList<>(chunk.getItems());
        Connection con = DataSourceUtils.getConnection(dataSource);
        try {
            Map<Platform, Long> written = retry.execute(() -> {
                Savepoint savepoint = con.setSavepoint();
                try {
                    return settle(seqs, first, last);
                } catch (RuntimeException e) {
                    rollbackQuietly(con, savepoint);
                    throw e;
                }
            });
            written.forEach((platform, n) -> recordsWritten.merge(platform, n, Long::sum));
        } catch (RetryException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException r && !(cause instanceof TransientDataAccessException)) {
                throw r;
            }
            throw new IllegalStateException("settle items " + first + ".." + last + " kept conflicting with a concurrent"
                    + " writer (" + cause.getMessage() + "); rerun the same command to resume", cause);
        }
    }

    /** Settles the chunk's lines; returns how many rebate records it wrote per platform (0 for a platform seen). */
    private Map<Platform, Long> settle(List<Long> seqs, long first, long last) {
        jobLock.checkHeld();
        List<SettleItem> items = stateStore.lockAndLoad(seqs);
        Map<SettleItem, Attribution.Result> attributed = attribution.attribute(items);

        List<SettlementStateStore.Row> states = new ArrayList<>();
        List<LedgerWriter.Posting> postings = new ArrayList<>();
        List<RebateRecordStore.RebateRecord> records = new ArrayList<>();
        List<SettlementStateStore.Due> dues = new ArrayList<>();
        Map<Platform, Long> written = new TreeMap<>();
        for (SettleItem item : items) {
            OrderLine line = item.line();
            written.putIfAbsent(line.platform(), 0L);
            SettlementState old = item.state();
            AttributionLock lock = (old == null ? AttributionLock.NONE : old.attribution())
                    .after(attributed.get(item), businessDate);
            Attribution.Beneficiaries beneficiaries = lock.beneficiaries();
            boolean tried = (old != null && old.tried()) || attribution.wasTried(item);
            LedgerDiff.Positions posted = old == null ? LedgerDiff.Positions.none() : old.posted();
            int revision = old == null ? 0 : old.revision();
            SettlementState next;
            LineSettlement.Outcome outcome;
            try {
                outcome = LineSettlement.evaluate(line, item.refund(), ruleSets, beneficiaries, businessDate);
            } catch (RuntimeException e) {
                outcome = null;
                next = held(old, tried, lock, e);
                if (!next.sameAs(old)) {
                    states.add(new SettlementStateStore.Row(line.platform(), line.orderLineId(), next, old));
                }
                records.addAll(RebateRecords.toWrite(item, next));
                due(item, SettleDue.next(line, lock, null, businessDate), dues);
                continue;
            }
            List<LedgerDiff.Posting> diff = LedgerDiff.diff(line.platform(), line.orderLineId(), line.version(),
                    revision + 1, beneficiaries, outcome.target(), posted);
            if (!diff.isEmpty()) {
                revision++;
                posted = posted.plus(diff);
                for (LedgerDiff.Posting p : diff) {
                    postings.add(new LedgerWriter.Posting(p.entryKey(), p.userId(), p.bucket(), p.deltaFen(),
                            "PLATFORM:" + line.platform(), "LINE", line.platform().name(), line.orderLineId(),
                            p.role().name()));
                }
            }
            next = new SettlementState(tried, lock.method(), beneficiaries, lock.unverified(), lock.attributedOn(),
                    lock.decidedBy(), outcome.shares(), outcome.bucket(), posted, revision, businessDate, null, 0);
            if (!next.sameAs(old)) {
                states.add(new SettlementStateStore.Row(line.platform(), line.orderLineId(), next, old));
            }
            records.addAll(RebateRecords.toWrite(item, next));
            due(item, SettleDue.next(line, lock, outcome, businessDate), dues);
        }
        stateStore.write(states);
        stateStore.reschedule(dues);
        rebateRecords.upsert(records);
        for (RebateRecordStore.RebateRecord r : records) {
            written.merge(r.platform(), 1L, Long::sum);
        }
        faults.beforeWrite("settle-ledger", first, last);
        ledger.post(postings, businessDate, jobExecutionId, () -> faults.beforeWrite("settle-balances", first, last));
        return written;
    }

    /**
     * How many rebate records the partitions of a settle wrote per platform ({@code rebate_records_written}), from
     * their execution contexts ({@link #RECORDS_WRITTEN}); every registered platform appears, with 0 when none were
     * written (what a rerun in which nothing changed shows, visiting no line at all).
     */
    static List<SettleReport.Metric> recordsWritten(List<ExecutionContext> partitions) {
        List<SettleReport.Metric> out = new ArrayList<>();
        for (Platform p : Platforms.all()) {
            String key = RECORDS_WRITTEN + "." + p.name();
            long sum = 0;
            for (ExecutionContext partition : partitions) {
                sum += partition.getLong(key, 0L);
            }
            out.add(new SettleReport.Metric(p.name(), "rebate_records_written", sum));
        }
        return out;
    }

    @Override
    public void open(ExecutionContext context) {
        recordsWritten.clear();
        for (Platform p : Platforms.all()) {
            if (context.containsKey(RECORDS_WRITTEN + "." + p.name())) {
                recordsWritten.put(p, context.getLong(RECORDS_WRITTEN + "." + p.name()));
            }
        }
    }

    @Override
    public void update(ExecutionContext context) {
        recordsWritten.forEach((p, n) -> context.putLong(RECORDS_WRITTEN + "." + p.name(), n));
    }

    /**
     * The state of a held line: the attribution as it stands, what is already posted untouched (a hold is not a
     * clawback: the money moves again when the line can be evaluated), and the reason.
     */
    private SettlementState held(SettlementState old, boolean tried, AttributionLock lock, RuntimeException cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        reason = reason.lines().findFirst().orElse(reason);
        if (reason.length() > 500) {
            reason = reason.substring(0, 500);
        }
        return new SettlementState(tried, lock.method(), lock.beneficiaries(), lock.unverified(), lock.attributedOn(),
                lock.decidedBy(),
                old == null ? new ShareSplit.Shares(0, 0, 0, 0, 0) : old.shares(), old == null ? null : old.bucket(),
                old == null ? LedgerDiff.Positions.none() : old.posted(), old == null ? 0 : old.revision(),
                businessDate, reason, 0);
    }

    /** The line's next due date, when it is not the stored one (SettleDue: always after the business date). */
    private static void due(SettleItem item, LocalDate next, List<SettlementStateStore.Due> dues) {
        if (!next.equals(item.dueOn())) {
            dues.add(new SettlementStateStore.Due(item.lineSeq(), next));
        }
    }

    private static void rollbackQuietly(Connection con, Savepoint savepoint) {
        try {
            con.rollback(savepoint);
        } catch (SQLException ignored) {
            // MySQL rolled the whole transaction back (a deadlock): nothing of this attempt is left to undo
        }
    }
}
