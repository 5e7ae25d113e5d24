package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * Issue 6: the bad-input corpus ({@link BadInputCorpusReports}, {@link BadInputCorpusFiles}) through the §10
 * commands, on one database per vendor (H2 always, MariaDB when configured). Every file ends either imported — its
 * bad rows in quarantine with file, line and reason, its good rows stored — or refused with exit 2 and one
 * {@code rebatch: } line, nothing of it stored. A settle over everything stored and the exports complete afterwards.
 */
class BadInputCorpusIT {
    private static final List<String> TABLES = List.of("order_line", "refund_snapshot", "app_user", "tracking_binding", "click");

    @TempDir
    static Path work;

    static List<BadInputCase> corpus() {
        List<BadInputCase> all = new ArrayList<>(BadInputCorpusReports.cases());
        all.addAll(BadInputCorpusFiles.cases());
        return all;
    }

    @TestFactory
    Stream<DynamicNode> corpusOnEveryDatabase() {
        Stream<DynamicNode> h2 = Stream.of(onDatabase("h2", TestDatabases::h2));
        return TestDatabases.mysqlConfigured() ? Stream.concat(h2, Stream.of(onDatabase("mysql", TestDatabases::mysql))) : h2;
    }

    private static DynamicContainer onDatabase(String name, Supplier<TestDatabase> open) {
        TestDatabase[] db = new TestDatabase[1];
        Path[] scenario = new Path[1];
        List<BadInputCase> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(55);
        assertThat(corpus.stream().map(BadInputCase::file).distinct()).hasSameSizeAs(corpus);
        DynamicTest setup = DynamicTest.dynamicTest("setup: users, bindings, clicks of multi-week", () -> {
            db[0] = open.get();
            scenario[0] = Scenarios.copySample("multi-week", work.resolve(name));
            for (String step : List.of("load users in/users-1.csv", "load bindings in/bindings-1.csv", "load clicks in/clicks-1.csv")) {
                assertThat(CliRun.step(scenario[0], db[0].jdbcUrl(), step).code()).as(step).isZero();
            }
        });
        Stream<DynamicTest> cases = corpus.stream()
                .map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c, scenario[0], db[0])));
        DynamicTest after = DynamicTest.dynamicTest("afterwards: settle completes, exports neutralise formulas", () -> {
            try (TestDatabase d = db[0]) {
                settleAndExport(scenario[0], d);
            }
        });
        return DynamicContainer.dynamicContainer(name,
                Stream.concat(Stream.of(setup), Stream.concat(cases, Stream.of(after))));
    }

    /** The one assertion helper: runs a case and checks exit code, console, quarantine and stored rows. */
    private static void check(BadInputCase c, Path scenario, TestDatabase db) throws Exception {
        Path file = scenario.resolve("in").resolve(c.file());
        Files.write(file, c.bytes());
        Map<String, Long> before = counts(db);
        CliRun r = CliRun.step(scenario, db.jdbcUrl(), c.command() + " in/" + c.file());
        String console = r.out() + r.err();
        assertThat(console).as("no stack trace on the console").doesNotContain("\tat ").doesNotContain("Exception:");
        assertThat(r.code()).as("exit code of %s; out=%s err=%s", c.name(), r.out(), r.err()).isEqualTo(c.exit());
        Map<String, Long> delta = new LinkedHashMap<>();
        counts(db).forEach((t, n) -> delta.put(t, n - before.get(t)));
        Map<String, Long> expected = new LinkedHashMap<>();
        TABLES.forEach(t -> expected.put(t, t.equals(c.table()) ? c.stored() : 0L));
        if (c.exit() == 2) {
            assertThat(r.errLines()).as("one line on stderr").hasSize(1);
            assertThat(r.errLines().get(0)).startsWith("rebatch: ");
            assertThat(r.out()).doesNotContain(": done (");
            assertThat(delta).as("nothing stored from refused %s", c.file()).isEqualTo(expected);
            if (c.bug() != null && !r.errLines().get(0).contains(c.err())) {
                throw new TestAbortedException(c.bug() + " — got: " + r.errLines().get(0));
            }
            assertThat(r.errLines().get(0)).contains(c.err());
        } else {
            assertThat(r.errLines()).as("stderr of an import").noneMatch(l -> l.startsWith("rebatch: "));
            assertThat(r.out()).contains(c.file() + ": done (");
        }
        assertThat(delta).as("rows stored from %s", c.file()).isEqualTo(expected);
        if (c.quarantine() != null) {
            List<String[]> q = query(db, "SELECT line_no, reason FROM quarantine WHERE source = ? ORDER BY line_no, row_no", c.file());
            assertThat(q).as("quarantine of %s: %s", c.file(), q.stream().map(x -> x[0] + ": " + x[1]).toList())
                    .hasSameSizeAs(c.quarantine());
            for (int i = 0; i < q.size(); i++) {
                assertThat(Long.parseLong(q.get(i)[0])).as("line of quarantine row %d", i).isEqualTo(c.quarantine().get(i).line());
                assertThat(q.get(i)[1]).as("reason of quarantine row %d", i).contains(c.quarantine().get(i).reason());
            }
        }
        for (String sql : c.checks()) {
            assertThat(Scenarios.count(db.jdbcUrl(), sql)).as(sql).isEqualTo(1);
        }
    }

    private static void settleAndExport(Path scenario, TestDatabase db) throws IOException {
        CliRun settle = CliRun.step(scenario, db.jdbcUrl(), "settle --date 2026-11-25");
        assertThat(settle.code()).as("settle: %s", settle.err()).isZero();
        CliRun lines = CliRun.step(scenario, db.jdbcUrl(), "export lines --out out/lines.csv");
        assertThat(lines.code()).as("export lines: %s", lines.err()).isZero();
        assertThat(Files.readAllLines(scenario.resolve("out/lines.csv"))).hasSizeGreaterThan(100);
        CliRun quarantine = CliRun.step(scenario, db.jdbcUrl(), "export quarantine --out out/quarantine.csv");
        assertThat(quarantine.code()).as("export quarantine: %s", quarantine.err()).isZero();
        List<String> q = Files.readAllLines(scenario.resolve("out/quarantine.csv"), StandardCharsets.UTF_8);
        assertThat(q.get(0)).isEqualTo("source,line_no,reason,raw");
        // Raw rows that a spreadsheet would run as a formula are neutralised with a leading '.
        assertThat(q).anyMatch(l -> l.contains(",'=1+1,NORMAL") || l.contains(",\"'=1+1,NORMAL"));
        assertThat(q).anyMatch(l -> l.contains(",'@SUM(A1:A2)") || l.contains(",\"'@SUM(A1:A2)"));
        assertThat(q).noneMatch(l -> l.contains(",=1+1,") || l.contains(",\"=1+1,"));
    }

    private static Map<String, Long> counts(TestDatabase db) {
        Map<String, Long> m = new LinkedHashMap<>();
        TABLES.forEach(t -> m.put(t, Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM " + t)));
        return m;
    }

    private static List<String[]> query(TestDatabase db, String sql, String arg) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        }
        return out;
    }
}
