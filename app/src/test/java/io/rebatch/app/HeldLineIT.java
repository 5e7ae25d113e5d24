package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A line that cannot be settled (no rule set in force on its paid date) is held with its reason, the rest of the
 * night settles and the report counts it; once the rule set is back, a rerun of the same date picks the lines up
 * and the scenario ends exactly where an uninterrupted run ends.
 */
class HeldLineIT {
    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void linesWithoutARuleSetAreHeldAndARerunAfterTheFixPicksThemUp(TestDatabase db, @TempDir Path work)
            throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        Path october = scenario.resolve("config/rules/2026-01.yml");
        Path aside = work.resolve("2026-01.yml");
        Files.move(october, aside); // only the November rule set is left: October's lines have none in force
        try (db) {
            List<String> steps = SettleCrashIT.steps(scenario);
            int first = steps.indexOf("settle --date 2026-10-20");
            SettleCrashIT.run(scenario, db, steps.subList(0, first + 1));
            String url = db.jdbcUrl();

            long lines = Long.parseLong(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM order_line").get(0));
            List<String> held = LedgerInvariants.rows(url, "SELECT DISTINCT held_reason FROM line_settlement"
                    + " WHERE held_reason IS NOT NULL");
            assertThat(held).isNotEmpty().allMatch(r -> r.contains("no rule set is in force on 2026-10"));
            assertThat(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM line_settlement WHERE held_reason IS NOT NULL"))
                    .as("every October line is held").containsExactly(String.valueOf(lines));
            assertThat(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM ledger_entry")).containsExactly("0");
            Path report = scenario.resolve("reports/settle-2026-10-20-a1.csv");
            assertThat(Files.readString(report)).contains("held_count").contains("held: no rule set is in force on");

            Files.move(aside, october);
            SettleCrashIT.run(scenario, db, List.of("settle --date 2026-10-20"));
            assertThat(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM line_settlement WHERE held_reason IS NOT NULL"))
                    .as("the rerun picked the held lines up").containsExactly("0");

            SettleCrashIT.run(scenario, db, steps.subList(first + 1, steps.size()));
            assertThat(Scenarios.nonZeroBalances(scenario.resolve("out/balances.csv")))
                    .containsExactlyElementsOf(Scenarios.nonZeroBalances(scenario.resolve("expected/balances.csv")));
            assertThat(Files.readAllLines(scenario.resolve("out/lines.csv")))
                    .containsExactlyElementsOf(Files.readAllLines(scenario.resolve("expected/lines.csv")));
            LedgerInvariants.assertHold(url);
        }
    }
}
