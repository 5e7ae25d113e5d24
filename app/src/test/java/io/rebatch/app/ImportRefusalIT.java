package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 6, import side (SPEC 9): files that are mostly or wholly bad are refused whole with exit code 2 and one line
 * naming the likely cause; implausible dates and inviter cycles are quarantined row by row; the summary line shows
 * read / stored / quarantined / skipped. Each test reproduces one of the reported bugs.
 */
class ImportRefusalIT {
    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    /** What one CLI invocation printed and returned. */
    @AfterEach
    void clear() {
        System.clearProperty("rebatch.import-max-bad-share");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aJdDumpImportedAsPddIsRefusedAsTheWrongPlatform(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            CliRun r = CliRun.step(scenario, db.jdbcUrl(), "import --platform pdd in/jd-2026-10-20.jsonl");
            assertThat(r.code()).as("exit code; err=%s", r.err()).isEqualTo(2);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.errLines().get(0)).startsWith("rebatch: ").contains("all 1 row is bad")
                    .contains("wrong platform").contains("JD");
            assertThat(r.out()).doesNotContain("done");
            assertThat(count(db, "SELECT COUNT(*) FROM order_line")).isZero();
            // Imported again: refused again the same way, never "already complete".
            CliRun again = CliRun.step(scenario, db.jdbcUrl(), "import --platform pdd in/jd-2026-10-20.jsonl");
            assertThat(again.code()).isEqualTo(2);
            assertThat(again.errLines()).hasSize(1);
            assertThat(again.errLines().get(0)).contains("all 1 row is bad");
            assertThat(count(db, "SELECT COUNT(*) FROM order_line")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void binaryGarbageIsRefusedAsTheWrongEncoding(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            byte[] garbage = new byte[4096];
            new Random(42).nextBytes(garbage);
            for (int i = 500; i < garbage.length; i += 700) {
                garbage[i] = '\n';
            }
            Files.write(scenario.resolve("in/garbage.jsonl"), garbage);
            CliRun r = CliRun.step(scenario, db.jdbcUrl(), "import --platform jd in/garbage.jsonl");
            assertThat(r.code()).as("exit code; err=%s", r.err()).isEqualTo(2);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.errLines().get(0)).startsWith("rebatch: ").contains("rows are bad").contains("encoding");
            assertThat(count(db, "SELECT COUNT(*) FROM order_line")).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFileThirtyPercentBadIsRefusedAndNothingOfItStored(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String page = Files.readAllLines(scenario.resolve("in/pdd-2026-10-20.jsonl")).get(0);
            for (int i = 0; i < 8; i++) { // 8 of 26 rows: 30.8 %
                page = BadInputIT.nth(page, "\"order_status\": [0-9]+,", i, "\"order_status\": 77,");
            }
            Files.writeString(scenario.resolve("in/bad30.jsonl"), page + "\n");
            CliRun r = CliRun.step(scenario, db.jdbcUrl(), "import --platform pdd in/bad30.jsonl");
            assertThat(r.code()).as("exit code; err=%s", r.err()).isEqualTo(2);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.errLines().get(0)).startsWith("rebatch: ").contains("8 of 26 rows are bad")
                    .contains("10 %");
            assertThat(count(db, "SELECT COUNT(*) FROM order_line")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM quarantine")).isEqualTo(8);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFileFivePercentBadIsImportedAndQuarantineHoldsExactlyTheBadRows(TestDatabase db, @TempDir Path work)
            throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String page = Files.readAllLines(scenario.resolve("in/pdd-2026-10-20.jsonl")).get(0);
            page = BadInputIT.nth(page, "\"order_status\": [0-9]+,", 2, "\"order_status\": 77,"); // 1 of 26: 3.8 %
            Files.writeString(scenario.resolve("in/bad5.jsonl"), page + "\n");
            CliRun r = CliRun.step(scenario, db.jdbcUrl(), "import --platform pdd in/bad5.jsonl");
            assertThat(r.code()).as("exit code; err=%s", r.err()).isZero();
            List<String[]> q = query(db, "SELECT source, line_no, reason, raw_text FROM quarantine");
            assertThat(q).hasSize(1);
            assertThat(q.get(0)[0]).isEqualTo("bad5.jsonl");
            assertThat(q.get(0)[2]).contains("77");
            assertThat(q.get(0)[3]).contains("\"order_status\": 77");
            // 26 rows, 14 distinct order_sn; the 3rd row (a line of its own) is the bad one.
            assertThat(count(db, "SELECT COUNT(*) FROM order_line WHERE platform = 'PDD'")).isEqualTo(13);
            assertThat(r.summary()).matches(".*: done \\(execution \\d+, read 26, stored \\d+, quarantined 1, skipped \\d+, "
                    + "[0-9.]+ s\\)");
            long stored = field(r.summary(), "stored");
            long skipped = field(r.summary(), "skipped");
            assertThat(stored + 1 + skipped).isEqualTo(26);
            assertThat(stored).isGreaterThanOrEqualTo(13);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anEmptyFileIsRefused(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            Files.writeString(scenario.resolve("in/empty.jsonl"), "");
            CliRun r = CliRun.step(scenario, db.jdbcUrl(), "import --platform jd in/empty.jsonl");
            assertThat(r.code()).as("exit code; out=%s err=%s", r.out(), r.err()).isEqualTo(2);
            assertThat(r.errLines()).hasSize(1);
            assertThat(r.errLines().get(0)).startsWith("rebatch: ").contains("empty.jsonl").contains("holds no rows");
            Files.writeString(scenario.resolve("in/header-only.csv"), "user_id,level,inviter_id,registered_at\n");
            CliRun users = CliRun.step(scenario, db.jdbcUrl(), "load users in/header-only.csv");
            assertThat(users.code()).isEqualTo(2);
            assertThat(users.errLines()).hasSize(1);
            assertThat(users.errLines().get(0)).startsWith("rebatch: ").contains("holds no rows");
            // Pages the platform answered with no orders (a pulled window with nothing in it) are a valid, empty report.
            Files.writeString(scenario.resolve("in/no-orders.jsonl"),
                    "{\"order_list_get_response\": {\"order_list\": [], \"total_count\": 0}}\n");
            CliRun pages = CliRun.step(scenario, db.jdbcUrl(), "import --platform pdd in/no-orders.jsonl");
            assertThat(pages.code()).isZero();
            assertThat(pages.summary()).contains("read 0, stored 0, quarantined 0, skipped 0");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void usersInAnInviterCycleAreQuarantinedAndTheRestLoads(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            StringBuilder csv = new StringBuilder("user_id,level,inviter_id,registered_at\n");
            csv.append("2,VIP,3,2025-06-01T00:00:00+08:00\n");
            csv.append("3,NORMAL,2,2025-06-01T00:00:00+08:00\n");
            csv.append("4,NORMAL,2,2025-06-01T00:00:00+08:00\n"); // leads into the cycle, is not in it: loaded
            for (int u = 100; u < 130; u++) {
                csv.append(u).append(",NORMAL,").append(u == 100 ? "" : "100").append(",2025-06-01T00:00:00+08:00\n");
            }
            Files.writeString(scenario.resolve("in/users-cycle.csv"), csv.toString());
            CliRun r = CliRun.step(scenario, db.jdbcUrl(), "load users in/users-cycle.csv");
            assertThat(r.code()).as("exit code; err=%s", r.err()).isZero();
            assertThat(r.summary()).contains("read 33, stored 31, quarantined 2, skipped 0");
            List<String[]> q = query(db, "SELECT line_no, reason FROM quarantine ORDER BY line_no");
            assertThat(q).hasSize(2);
            assertThat(q.get(0)[0]).isEqualTo("2");
            assertThat(q.get(1)[0]).isEqualTo("3");
            assertThat(q).allSatisfy(row -> assertThat(row[1]).contains("inviter cycle 2 → 3 → 2"));
            assertThat(count(db, "SELECT COUNT(*) FROM app_user WHERE user_id IN (2, 3)")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM app_user")).isEqualTo(31);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void anInviterCycleAcrossTheFileAndLoadedUsersIsRefused(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            StringBuilder first = new StringBuilder("user_id,level,inviter_id,registered_at\n");
            first.append("2,VIP,,2025-06-01T00:00:00+08:00\n");
            first.append("3,NORMAL,2,2025-06-01T00:00:00+08:00\n");
            first.append("5,NORMAL,3,2025-06-01T00:00:00+08:00\n");
            Files.writeString(scenario.resolve("in/users-a.csv"), first.toString());
            assertThat(CliRun.step(scenario, db.jdbcUrl(), "load users in/users-a.csv").code()).isZero();

            StringBuilder second = new StringBuilder("user_id,level,inviter_id,registered_at\n");
            second.append("2,SVIP,5,2025-06-01T00:00:00+08:00\n"); // 2 → 5 → 3 → 2 with the loaded users
            for (int u = 100; u < 130; u++) {
                second.append(u).append(",NORMAL,,2025-06-01T00:00:00+08:00\n");
            }
            Files.writeString(scenario.resolve("in/users-b.csv"), second.toString());
            CliRun r = CliRun.step(scenario, db.jdbcUrl(), "load users in/users-b.csv");
            assertThat(r.code()).as("exit code; err=%s", r.err()).isZero();
            assertThat(r.summary()).contains("read 31, stored 30, quarantined 1, skipped 0");
            List<String[]> q = query(db, "SELECT line_no, reason FROM quarantine");
            assertThat(q).hasSize(1);
            assertThat(q.get(0)[1]).contains("inviter cycle 2 → 5 → 3 → 2");
            assertThat(query(db, "SELECT level, inviter_id FROM app_user WHERE user_id = 2").get(0))
                    .containsExactly("VIP", null);
            assertThat(count(db, "SELECT COUNT(*) FROM app_user")).isEqualTo(33);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void implausibleDatesAreQuarantined(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            String page = Files.readAllLines(scenario.resolve("in/pdd-2026-10-20.jsonl")).get(0);
            long nextYear = Instant.now().plus(365, ChronoUnit.DAYS).getEpochSecond();
            page = BadInputIT.nth(page, "\"order_modify_at\": [0-9]+", 2, "\"order_modify_at\": " + nextYear);
            page = BadInputIT.nth(page, "\"order_pay_time\": [0-9]+", 0, "\"order_pay_time\": 86400");
            Files.writeString(scenario.resolve("in/dates.jsonl"), page + "\n");
            CliRun r = CliRun.step(scenario, db.jdbcUrl(), "import --platform pdd in/dates.jsonl");
            assertThat(r.code()).as("exit code; err=%s", r.err()).isZero();
            assertThat(r.summary()).contains("read 26, stored").contains("quarantined 2,");
            List<String[]> q = query(db, "SELECT line_no, reason FROM quarantine ORDER BY row_no");
            assertThat(q).hasSize(2);
            assertThat(q.get(0)[1]).contains("paid_at").contains("1970-01-02").contains("2015-01-01");
            assertThat(q.get(1)[1]).contains("modified_at").contains("in the future");

            StringBuilder clicks = new StringBuilder("click_id,user_id,platform,item_id,pid,clicked_at\n");
            clicks.append("1,2,JD,1,2,1970-01-01T00:00:00+00:00\n");
            for (int c = 2; c <= 20; c++) {
                clicks.append(c).append(",2,JD,1,2,2026-10-26T10:28:23+00:00\n");
            }
            Files.writeString(scenario.resolve("in/clicks-dates.csv"), clicks.toString());
            CliRun cr = CliRun.step(scenario, db.jdbcUrl(), "load clicks in/clicks-dates.csv");
            assertThat(cr.code()).as("exit code; err=%s", cr.err()).isZero();
            assertThat(cr.summary()).contains("read 20, stored 19, quarantined 1, skipped 0");
            assertThat(count(db, "SELECT COUNT(*) FROM click")).isEqualTo(19);
            assertThat(count(db, "SELECT COUNT(*) FROM quarantine WHERE reason LIKE '%clicked_at%'")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSummaryShowsReadStoredQuarantinedSkipped(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        try (db) {
            CliRun users = CliRun.step(scenario, db.jdbcUrl(), "load users in/users-1.csv");
            assertThat(users.code()).isZero();
            assertThat(users.summary()).matches("load users .*users-1\\.csv: done \\(execution \\d+, read 40, stored 40,"
                    + " quarantined 0, skipped 0, [0-9.]+ s\\)");
            CliRun pdd = CliRun.step(scenario, db.jdbcUrl(), "import --platform pdd in/pdd-2026-10-20.jsonl");
            long stored = field(pdd.summary(), "stored");
            long skipped = field(pdd.summary(), "skipped");
            assertThat(pdd.summary()).contains("read 26,").contains("quarantined 0,");
            assertThat(stored + skipped).isEqualTo(26);
            // Imported again: every row is unchanged, and still counted as stored (the tables hold its content).
            CliRun again = CliRun.step(scenario, db.jdbcUrl(), "import --platform pdd in/pdd-2026-10-20.jsonl");
            assertThat(field(again.summary(), "stored")).isEqualTo(stored);
            assertThat(field(again.summary(), "skipped")).isEqualTo(skipped);
        }
    }

    private static long field(String summary, String name) {
        var m = java.util.regex.Pattern.compile(name + " (\\d+)").matcher(summary);
        assertThat(m.find()).as("%s in '%s'", name, summary).isTrue();
        return Long.parseLong(m.group(1));
    }

    private static long count(TestDatabase db, String sql) {
        return Scenarios.count(db.jdbcUrl(), sql);
    }

    private static List<String[]> query(TestDatabase db, String sql) throws SQLException {
        return Scenarios.table(db.jdbcUrl(), sql);
    }
}
