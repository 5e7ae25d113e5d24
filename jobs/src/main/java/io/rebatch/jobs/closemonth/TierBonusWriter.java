package io.rebatch.jobs.closemonth;

import io.rebatch.domain.Bucket;
import io.rebatch.domain.LedgerDiff;
import io.rebatch.domain.RuleSet;
import io.rebatch.jobs.common.JobLock;
import io.rebatch.writers.ledger.LedgerWriter;
import io.rebatch.writers.tier.TierBonusStore;
import io.rebatch.writers.tier.TierItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Posts the month's tier bonus (SPEC 6) as a desired state: the bonus each buyer should have for month M under
 * the rule set in force on M's last day, minus what is posted ({@link LedgerDiff#tier}), credited to available
 * under {@code TIER:user:M} (later corrections {@code TIER:user:M:n}), with {@code tier_bonus} updated in the same
 * transaction ({@link TierBonusStore}).
 */
public class TierBonusWriter implements ItemWriter<TierItem> {
    private final String month;
    private final LocalDate postingDate;
    private final RuleSet rules;
    private final long jobExecutionId;
    private final TierBonusStore store;
    private final LedgerWriter ledger;
    private final JobLock jobLock;

    public TierBonusWriter(String month, LocalDate postingDate, RuleSet rules, long jobExecutionId,
                           TierBonusStore store, LedgerWriter ledger, JobLock jobLock) {
        this.jobLock = jobLock;
        this.month = month;
        this.postingDate = postingDate;
        this.rules = rules;
        this.jobExecutionId = jobExecutionId;
        this.store = store;
        this.ledger = ledger;
    }

    @Override
    public void write(Chunk<? extends TierItem> chunk) {
        jobLock.checkHeld();
        List<TierBonusStore.Row> rows = new ArrayList<>();
        List<LedgerWriter.Posting> postings = new ArrayList<>();
        for (TierItem item : chunk) {
            LedgerDiff.TierPosting tier = LedgerDiff.tier(item.userId(), month,
                    rules.tierBonusFen(item.settledBuyerFen()), item.postedBonusFen(), item.revision());
            if (tier.posts()) {
                postings.add(new LedgerWriter.Posting(tier.entryKey(), item.userId(), Bucket.AVAILABLE,
                        tier.deltaFen(), "HOUSE:TIER_BONUS", "TIER", null, null, null));
            }
            rows.add(new TierBonusStore.Row(item.userId(), month, item.settledBuyerFen(), tier.bonusFen(),
                    tier.revision()));
        }
        store.upsert(rows);
        ledger.post(postings, postingDate, jobExecutionId);
    }
}
