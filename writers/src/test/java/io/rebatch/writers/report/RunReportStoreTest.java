package io.rebatch.writers.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.writers.H2Schema;
import io.rebatch.writers.report.RunReportStore.Metric;
import io.rebatch.writers.report.RunReportStore.ReportRow;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class RunReportStoreTest {
    private static final LocalDate D = LocalDate.parse("2026-11-25");

    private final SingleConnectionDataSource ds = H2Schema.withMigrations("V6__api_read_model.sql");
    private final RunReportStore store = new RunReportStore(new JdbcTemplate(ds));

    @AfterEach
    void close() {
        ds.destroy();
    }

    @Test
    void replacingALabelLeavesOneCopyInTheGivenOrder() {
        store.replace("settle-2026-11-25-a1", D, List.of(new Metric("JD", "lines_read", 5), new Metric("JD", "x", 1)));
        store.replace("settle-2026-11-25-a1", D, List.of(new Metric("JD", "lines_read", 6),
                new Metric("TAOBAO", "held: no rule set, for now", 2)));

        assertThat(store.rowsOf("settle-2026-11-25-a1")).containsExactly(
                new ReportRow("settle-2026-11-25-a1", D, "JD", "lines_read", 6),
                new ReportRow("settle-2026-11-25-a1", D, "TAOBAO", "held: no rule set, for now", 2));
    }

    @Test
    void theNewestReportOfADateIsTheLastStoredNotTheHighestLabel() {
        for (int attempt = 8; attempt <= 10; attempt++) {
            store.replace("settle-2026-11-25-a" + attempt, D, List.of(new Metric("PDD", "attempt", attempt)));
        }
        store.replace("settle-2026-11-26-a1", D.plusDays(1), List.of(new Metric("PDD", "attempt", 1)));

        assertThat(store.labelsFor(D)).containsExactly("settle-2026-11-25-a10", "settle-2026-11-25-a9",
                "settle-2026-11-25-a8");
        assertThat(store.latestFor(D)).containsExactly(new ReportRow("settle-2026-11-25-a10", D, "PDD", "attempt", 10));
        assertThat(store.latestFor(D.minusDays(1))).isEmpty();
        assertThat(store.labelsFor(D.minusDays(1))).isEmpty();
    }
}
