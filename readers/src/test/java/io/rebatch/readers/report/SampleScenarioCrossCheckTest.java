package io.rebatch.readers.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Income;
import io.rebatch.domain.LineStatus;
import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.domain.Refund;
import io.rebatch.domain.RuleSets;
import io.rebatch.domain.SnapshotOrder;
import io.rebatch.readers.rules.RuleSetFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Reads every report file of the multi-week scenario in the order of its {@code steps.txt}, keeps each line's
 * highest-version snapshot and latest refund (the domain's rules), and compares status and income with
 * {@code expected/lines.csv}, which was computed independently from the specification. A wrong status code, amount,
 * tech-fee subtraction, settlement rule or modified_at here shows up as a mismatch.
 */
class SampleScenarioCrossCheckTest {

    @Test
    void finalStatusAndIncomeOfEveryLineMatchTheExpectedExport() throws IOException {
        Map<String, OrderLine> lines = new HashMap<>();
        Map<String, Refund> refunds = new HashMap<>();
        for (String step : Files.readAllLines(Fixtures.sample("steps.txt"))) {
            String[] w = step.trim().split("\\s+");
            if (!w[0].equals("import")) {
                continue;
            }
            Platform platform = Platform.parse(w[2]);
            boolean isRefunds = step.contains("--refunds");
            try (ReportCursor c = ReportFiles.open(Fixtures.sample(w[w.length - 1]), platform, isRefunds)) {
                c.forEachRemaining(row -> {
                    if (row instanceof ReportRow.Snapshot s) {
                        lines.merge(s.line().platform() + "," + s.line().orderLineId(), s.line(), SnapshotOrder::merge);
                    } else if (row instanceof ReportRow.RefundSnapshot r) {
                        refunds.merge(r.refund().orderLineId(), r.refund(),
                                (stored, incoming) -> Refund.replaces(incoming, stored) ? incoming : stored);
                    } else {
                        throw new AssertionError("unexpected row " + row);
                    }
                });
            }
        }
        RuleSets rules = RuleSetFiles.load(Fixtures.sample("config"));

        List<String> expected = Files.readAllLines(Fixtures.sample("expected/lines.csv"));
        assertThat(expected.get(0)).startsWith("platform,order_line_id,status,user_id,method,income_fen");
        assertThat(lines).hasSize(expected.size() - 1);
        int settledWithRefund = 0;
        for (String e : expected.subList(1, expected.size())) {
            String[] f = e.split(",", -1);
            OrderLine line = lines.get(f[0] + "," + f[1]);
            assertThat(line).as(e).isNotNull();
            assertThat(line.status()).as(e).isEqualTo(LineStatus.valueOf(f[2]));
            Refund refund = line.platform() == Platform.TAOBAO ? refunds.get(line.orderLineId()) : null;
            long income = Income.incomeFen(line, refund, rules.inForceOn(BusinessTime.dateOf(line.paidAt())));
            assertThat(income).as(e).isEqualTo(Long.parseLong(f[5]));
            if (refund != null && refund.effective() && line.status() == LineStatus.SETTLED) {
                settledWithRefund++;
            }
        }
        assertThat(settledWithRefund).isPositive();
    }
}
