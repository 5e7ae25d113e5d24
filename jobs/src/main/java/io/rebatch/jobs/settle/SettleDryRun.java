package io.rebatch.jobs.settle;

import io.rebatch.jobs.common.FaultInjection;
import io.rebatch.jobs.common.JobLock;
import io.rebatch.jobs.common.RebatchProperties;
import io.rebatch.jobs.common.RuleSetProvider;
import io.rebatch.writers.ledger.LedgerWriter;
import io.rebatch.writers.ledger.ExecutionLegs;
import io.rebatch.writers.settle.SettleHorizon;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code rerun --dry-run}: the ledger difference a settle of D would post now, computed by the settle job's own
 * reader and {@link SettleWriter} — the same code path as the real rerun — with every chunk's transaction rolled
 * back, so nothing is ever committed. Before a chunk rolls back, the user legs it posted (tagged with the marker
 * execution id {@link #DRY_RUN_EXECUTION_ID}) are summed per user and bucket; the sums over all chunks are the
 * answer. Chunk by chunk is exact because a line's settlement depends only on that line's own state and the app
 * data, never on other lines, and it keeps each transaction (and its row locks) as small as the real run's.
 *
 * <p>It runs under the job lock like the real rerun, so no other job changes the ledger between the chunks.
 * Memory: one entry per (user, bucket) that would change.
 */
public class SettleDryRun {
    /** The job execution id the dry run's (rolled-back) ledger entries carry; real executions are positive. */
    public static final long DRY_RUN_EXECUTION_ID = -1L;

    /** One row of the difference: SPEC 10 {@code user_id,bucket,delta_fen}. */
    public record Delta(long userId, String bucket, long deltaFen) {
    }

    private final DataSource dataSource;
    private final PlatformTransactionManager transactionManager;
    private final NamedParameterJdbcTemplate jdbc;
    private final ExecutionLegs legs;
    private final RuleSetProvider ruleSets;
    private final LedgerWriter ledger;
    private final FaultInjection faults;
    private final JobLock jobLock;
    private final RebatchProperties properties;

    public SettleDryRun(DataSource dataSource, PlatformTransactionManager transactionManager,
                        NamedParameterJdbcTemplate jdbc, RuleSetProvider ruleSets, LedgerWriter ledger,
                        FaultInjection faults, JobLock jobLock, RebatchProperties properties) {
        this.dataSource = dataSource;
        this.transactionManager = transactionManager;
        this.jdbc = jdbc;
        this.legs = new ExecutionLegs(jdbc.getJdbcTemplate());
        this.ruleSets = ruleSets;
        this.ledger = ledger;
        this.faults = faults;
        this.jobLock = jobLock;
        this.properties = properties;
    }

    /**
     * The difference, sorted by user and bucket, without zero rows; {@code platform} null for every platform. It
     * visits the lines the real rerun would ({@link SettleScope}: those due, or every line with {@code all} or
     * before the horizon) and raises nothing.
     */
    public List<Delta> difference(LocalDate date, String platform, boolean all) {
        try (JobLock.Held ignored = jobLock.acquire()) {
            SettleWriter writer = SettleWriter.of(date, DRY_RUN_EXECUTION_ID, ruleSets.get(), jdbc, ledger, faults,
                    jobLock, dataSource, new ChunkNumbers());
            TransactionTemplate tx = new TransactionTemplate(transactionManager);
            tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
            Map<String, long[]> sums = new TreeMap<>();
            JdbcPagingItemReader<Long> reader = SettleJobConfiguration.lineKeys(dataSource, properties.chunkSize(),
                    platform, date, SettleScope.visitsAll(new SettleHorizon(jdbc.getJdbcTemplate()), ruleSets, date, all), 0, 1);
            reader.afterPropertiesSet();
            reader.open(new ExecutionContext());
            try {
                List<Long> keys = new ArrayList<>(properties.chunkSize());
                for (Long key = reader.read(); ; key = reader.read()) {
                    if (key != null) {
                        keys.add(key);
                    }
                    if (keys.size() == properties.chunkSize() || (key == null && !keys.isEmpty())) {
                        Chunk<Long> chunk = new Chunk<>(keys);
                        tx.executeWithoutResult(status -> {
                            writer.write(chunk);
                            collect(sums);
                            status.setRollbackOnly();
                        });
                        keys = new ArrayList<>(properties.chunkSize());
                    }
                    if (key == null) {
                        break;
                    }
                }
            } finally {
                reader.close();
            }
            List<Delta> out = new ArrayList<>();
            sums.forEach((k, v) -> {
                if (v[0] != 0) {
                    int sep = k.indexOf(' ');
                    out.add(new Delta(v[1], k.substring(sep + 1), v[0]));
                }
            });
            return out;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("dry run of settle " + date + " failed: " + e.getMessage(), e);
        }
    }

    /** Adds this chunk's uncommitted user legs to the sums (keyed so that TreeMap order = user id, bucket). */
    private void collect(Map<String, long[]> sums) {
        for (ExecutionLegs.UserSum leg : legs.userSums(DRY_RUN_EXECUTION_ID)) {
            String key = String.format("%020d %s", leg.userId(), leg.bucket());
            long[] v = sums.computeIfAbsent(key, k -> new long[] {0, leg.userId()});
            v[0] += leg.sumFen();
        }
    }
}
