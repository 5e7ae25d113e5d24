package io.rebatch.jobs.closemonth;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.jobs.common.JobLock;
import io.rebatch.jobs.support.JobTestBeans;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code closeMonth} job end to end on the embedded database, as the CLI runs it (under the job lock): buyer 7
 * settled 100000 fen in 2026-11 (one line of 60000 settled in the month's first Shanghai second, one of 40000 in
 * its last), which earns the 600 bps tier: 6000 fen. A refund later lowers S to 50000 (300 bps: 1500 fen), and
 * the next close posts only the difference, -4500, as round 2. Buyer 9 stays under every tier and gets nothing.
 */
@SpringBatchTest
@SpringBootTest(classes = CloseMonthJobTest.Context.class, properties = {
        JobTestBeans.URL + "close-month-job" + JobTestBeans.DATABASE, JobTestBeans.FLYWAY,
        JobTestBeans.NO_JOB_AT_START, JobTestBeans.NO_SCHEMA_INIT, JobTestBeans.RULES})
class CloseMonthJobTest {
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({JobTestBeans.class, CloseMonthJobConfiguration.class})
    static class Context {
    }

    @Autowired
    private JobOperatorTestUtils jobs;
    @Autowired
    private JobRepositoryTestUtils jobRepository;
    @Autowired
    private JobLock jobLock;
    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void emptyTables() {
        for (String table : List.of("ledger_entry", "user_balance", "tier_bonus", "line_settlement", "order_line")) {
            jdbc.update("DELETE FROM " + table);
        }
        jobRepository.removeJobExecutions();
    }

    /** A SETTLED JD line of {@code buyer} settled at {@code settledAtUtc}, worth {@code buyerFen} to the buyer. */
    private void settled(String id, long buyer, long buyerFen, String settledAtUtc) {
        jdbc.update("INSERT INTO order_line (platform, order_line_id, item_id, quantity, paid_amount_fen,"
                + " commission_rate_bps, estimated_income_fen, settled_income_fen, status, status_rank, created_at,"
                + " paid_at, settled_at, modified_at, source) VALUES ('JD', ?, 'I1', 1, 10000, 1000, 1000, 1000,"
                + " 'SETTLED', 3, '2026-10-20 00:00:00', '2026-10-20 00:00:00', ?, ?, 'jd.csv:2')",
                id, settledAtUtc, settledAtUtc);
        jdbc.update("INSERT INTO line_settlement (platform, order_line_id, tried, method, buyer_id, buyer_level,"
                + " unverified, income_fen, buyer_fen, inviter_fen, grand_inviter_fen, margin_fen, bucket,"
                + " buyer_pending_fen, buyer_available_fen, inviter_pending_fen, inviter_available_fen,"
                + " grand_pending_fen, grand_available_fen, revision, settled_on) VALUES ('JD', ?, 1, 'DIRECT', ?,"
                + " 'VIP', 0, ?, ?, 0, 0, 0, 'AVAILABLE', 0, ?, 0, 0, 0, 0, 1, '2026-11-30')",
                id, buyer, buyerFen, buyerFen, buyerFen);
    }

    /** Closes 2026-11 (attempt n) as the CLI does, under the job lock; its status. */
    private BatchStatus close(long attempt) throws Exception {
        JobParameters params = new JobParametersBuilder().addString("month", "2026-11").addLong("attempt", attempt)
                .toJobParameters();
        try (JobLock.Held ignored = jobLock.acquire()) {
            return jobs.startJob(params).getStatus();
        }
    }

    @Test
    void postsTheTierBonusThenOnlyTheDifferenceWhenSettledAmountsChange() throws Exception {
        settled("first-second", 7, 60000, "2026-10-31 16:00:00");
        settled("last-second", 7, 40000, "2026-11-30 15:59:59.999");
        settled("small", 9, 14999, "2026-11-15 00:00:00");
        settled("december", 7, 900000, "2026-11-30 16:00:00");

        assertThat(close(1)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(userLegs()).containsExactly(Map.of("entry_key", "TIER:7:2026-11", "user_id", 7L,
                "amount_fen", 6000L, "bucket", "AVAILABLE"));
        assertThat(tierRows()).containsExactly(List.of(7L, 100000L, 6000L, 1), List.of(9L, 14999L, 0L, 0));

        jdbc.update("UPDATE line_settlement SET buyer_fen = 10000 WHERE order_line_id = 'first-second'");
        assertThat(close(2)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(userLegs()).containsExactly(
                Map.of("entry_key", "TIER:7:2026-11", "user_id", 7L, "amount_fen", 6000L, "bucket", "AVAILABLE"),
                Map.of("entry_key", "TIER:7:2026-11:2", "user_id", 7L, "amount_fen", -4500L, "bucket", "AVAILABLE"));
        assertThat(tierRows()).containsExactly(List.of(7L, 50000L, 1500L, 2), List.of(9L, 14999L, 0L, 0));
        assertThat(jdbc.queryForObject("SELECT available_fen FROM user_balance WHERE user_id = 7", Long.class))
                .isEqualTo(1500);
        assertThat(jdbc.queryForObject("SELECT SUM(amount_fen) FROM ledger_entry", Long.class)).isZero();

        assertThat(close(3)).as("nothing changed: nothing posted").isEqualTo(BatchStatus.COMPLETED);
        assertThat(userLegs()).hasSize(2);
    }

    private List<Map<String, Object>> userLegs() {
        return jdbc.queryForList("SELECT entry_key, user_id, amount_fen, bucket FROM ledger_entry WHERE leg = 1"
                + " ORDER BY entry_id");
    }

    private List<List<Object>> tierRows() {
        return jdbc.query("SELECT user_id, settled_buyer_fen, bonus_fen, revision FROM tier_bonus"
                + " WHERE bonus_month = '2026-11' ORDER BY user_id",
                (rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4)));
    }
}
