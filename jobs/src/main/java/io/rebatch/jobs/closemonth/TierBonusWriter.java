package io.rebatch.jobs.closemonth;

import io.rebatch.domain.Bucket;
import io.rebatch.domain.LedgerDiff;
import io.rebatch.domain.RuleSet;
import io.rebatch.jobs.common.JobLock;
import io.rebatch.writers.ledger.LedgerWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Posts the month's tier bonus (SPEC 6) as a desired state: the bonus each buyer should have for month M under
 * the rule set in force on M's last day, minus what is posted, credited to available under {@code TIER:user:M}
 * (later corrections {@code TIER:user:M:n}), with {@code tier_bonus} updated in the same transaction.
 */
public class TierBonusWriter implements ItemWriter<TierItem> {
    private static final String UPSERT = "INSERT INTO tier_bonus (user_id, bonus_month, settled_buyer_fen, bonus_fen,"
            + " revision) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE settled_buyer_fen = VALUES(settled_buyer_fen),"
            + " bonus_fen = VALUES(bonus_fen), revision = VALUES(revision)";

    private final String month;
    private final LocalDate postingDate;
    private final RuleSet rules;
    private final long jobExecutionId;
    private final JdbcTemplate jdbc;
    private final LedgerWriter ledger;
    private final JobLock jobLock;

    public TierBonusWriter(String month, LocalDate postingDate, RuleSet rules, long jobExecutionId, JdbcTemplate jdbc,
                           LedgerWriter ledger, JobLock jobLock) {
        this.jobLock = jobLock;
        this.month = month;
        this.postingDate = postingDate;
        this.rules = rules;
        this.jobExecutionId = jobExecutionId;
        this.jdbc = jdbc;
        this.ledger = ledger;
    }

    @Override
    public void write(Chunk<? extends TierItem> chunk) {
        jobLock.checkHeld();
        List<Object[]> rows = new ArrayList<>();
        List<LedgerWriter.Posting> postings = new ArrayList<>();
        for (TierItem item : chunk) {
            long bonus = rules.tierBonusFen(item.settledBuyerFen());
            long delta = bonus - item.postedBonusFen();
            int revision = item.revision();
            if (delta != 0) {
                revision++;
                postings.add(new LedgerWriter.Posting(LedgerDiff.tierKey(item.userId(), month, revision), item.userId(),
                        Bucket.AVAILABLE, delta, "HOUSE:TIER_BONUS", "TIER", null, null, null));
            }
            rows.add(new Object[] {item.userId(), month, item.settledBuyerFen(), bonus, revision});
        }
        jdbc.batchUpdate(UPSERT, rows);
        ledger.post(postings, postingDate, jobExecutionId);
    }
}
