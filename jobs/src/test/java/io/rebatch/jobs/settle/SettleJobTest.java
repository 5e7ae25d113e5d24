package io.rebatch.jobs.settle;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.jobs.common.JobLock;
import io.rebatch.jobs.support.JobTestBeans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code settle} job on the embedded database, under the job lock: a Taobao line bound by relation id R1 to
 * buyer 1 (VIP) is attributed and posted on 2026-11-25; the binding then moves to user 5, and the settle of
 * 2026-11-26 keeps the line with buyer 1 (SPEC 4: an attribution never moves) and posts nothing new.
 */
@SpringBatchTest
@SpringBootTest(classes = SettleJobTest.Context.class, properties = {
        JobTestBeans.URL + "settle-job" + JobTestBeans.DATABASE, JobTestBeans.FLYWAY,
        JobTestBeans.NO_JOB_AT_START, JobTestBeans.NO_SCHEMA_INIT, JobTestBeans.RULES,
        "rebatch.reports-dir=target/settle-job-reports"})
class SettleJobTest {
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({JobTestBeans.class, SettleJobConfiguration.class})
    static class Context {
    }

    @Autowired
    private JobOperatorTestUtils jobs;
    @Autowired
    private JobLock jobLock;
    @Autowired
    private JdbcTemplate jdbc;

    private BatchStatus settle(String date) throws Exception {
        var params = new JobParametersBuilder().addString("date", date).addLong("attempt", 1L).toJobParameters();
        try (JobLock.Held ignored = jobLock.acquire()) {
            return jobs.startJob(params).getStatus();
        }
    }

    @Test
    void aLockedAttributionStaysWithItsBuyerWhenTheBindingMoves() throws Exception {
        jdbc.update("INSERT INTO app_user VALUES (1, 'VIP', NULL, '2026-01-01 00:00:00'),"
                + " (5, 'NORMAL', NULL, '2026-01-01 00:00:00')");
        jdbc.update("INSERT INTO tracking_binding VALUES ('TAOBAO', 'RELATION_ID', 'R1', 1)");
        jdbc.update("INSERT INTO order_line (platform, order_line_id, item_id, item_title, quantity, paid_amount_fen,"
                + " commission_rate_bps, estimated_income_fen, status, status_rank, created_at, paid_at, modified_at,"
                + " pid, relation_id, source) VALUES ('TAOBAO', 'L1', 'I1', '纸尿裤', 1, 10000, 1000, 1000, 'PAID', 1,"
                + " '2026-11-25 05:45:12', '2026-11-25 05:45:12', '2026-11-25 05:45:12', 'adz1', 'R1', 't.csv:2')");

        assertThat(settle("2026-11-25")).isEqualTo(BatchStatus.COMPLETED);
        List<String> posted = userLegs();
        assertThat(posted).containsExactly("1 PENDING 700");
        assertThat(jdbc.queryForObject("SELECT buyer_id FROM line_settlement", Long.class)).isEqualTo(1);
        assertThat(Files.readString(Path.of("target/settle-job-reports/settle-2026-11-25-a1.csv")))
                .contains("2026-11-25,TAOBAO,attributed_direct,1", "2026-11-25,TAOBAO,posted_pending_fen,700");

        jdbc.update("UPDATE tracking_binding SET user_id = 5");
        assertThat(settle("2026-11-26")).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForList("SELECT method, buyer_id, attributed_on FROM line_settlement"))
                .singleElement().satisfies(row -> assertThat(row.values()).containsExactly("DIRECT", 1L,
                        java.sql.Date.valueOf("2026-11-25")));
        assertThat(userLegs()).isEqualTo(posted);
    }

    private List<String> userLegs() {
        return jdbc.queryForList("SELECT CONCAT(user_id, ' ', bucket, ' ', amount_fen) FROM ledger_entry"
                + " WHERE leg = 1 ORDER BY entry_id", String.class);
    }
}
