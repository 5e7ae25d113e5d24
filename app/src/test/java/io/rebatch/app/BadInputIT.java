package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchCommand;
import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input through the real import job (SPEC 9): malformed rows across the formats end up in quarantine with
 * their file, line, raw text and reason while the good rows around them are imported; a file with more bad rows
 * than the skip limit is refused (exit 2) with a clear message and nothing of it becomes visible. Refusals by share
 * and cause are in {@link ImportRefusalIT}.
 */
class BadInputIT {
    static Stream<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @AfterEach
    void clear() {
        System.clearProperty("rebatch.import-skip-limit");
        System.clearProperty("rebatch.import-max-bad-share");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void malformedRowsAreQuarantinedWithReasonsAndGoodRowsStillLoad(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        Path in = scenario.resolve("in");
        // These small files are deliberately mostly bad, to show every kind of row rejection: lift the share rule
        // (ImportRefusalIT covers it); a wholly bad file is still refused.
        System.setProperty("rebatch.import-max-bad-share", "100");
        try (db) {
            // Taobao API dump: 8 bad orders in the first page, plus a truncated page and an HTML error page.
            String tbPage = Files.readAllLines(in.resolve("taobao-2026-10-20.jsonl")).get(0);
            String tb = tbPage;
            // Highest index first: a replaced value no longer matches its pattern and would shift later indices.
            tb = nth(tb, "\"alipay_total_price\": \"[0-9.]+\"", 5, "\"alipay_total_price\": \"99999999999999999.00\"");
            tb = nth(tb, "\"alipay_total_price\": \"[0-9.]+\"", 4, "\"alipay_total_price\": \"-5.00\"");
            tb = nth(tb, "\"alipay_total_price\": \"[0-9.]+\"", 0, "\"alipay_total_price\": \"abc\"");
            tb = nth(tb, "\"pub_share_pre_fee\": \"[0-9.]+\"", 1, "\"pub_share_pre_fee\": \"12.345\"");
            tb = nth(tb, "\"tk_status\": [0-9]+", 2, "\"tk_status\": 99");
            tb = nth(tb, "\"trade_id\": \"[0-9]+\"", 3, "\"trade_id\": \"\"");
            tb = nth(tb, "\"tk_create_time\": \"[^\"]+\"", 6, "\"tk_create_time\": \"2026-13-45 99:00:00\"");
            tb = nth(tb, "\"total_commission_rate\": \"[0-9.]+\"", 7, "\"total_commission_rate\": \"1.2345\"");
            Path tbFile = in.resolve("bad-taobao.jsonl");
            Files.writeString(tbFile, tb + "\n" + tbPage.substring(0, tbPage.length() / 2) + "\n"
                    + "<html><body>502 Bad Gateway</body></html>\n", StandardCharsets.UTF_8);

            // JD: a 3-decimal fee, a missing id, a non-numeric price; and a page whose queryResult is cut off.
            String jdPage = Files.readAllLines(in.resolve("jd-2026-10-20.jsonl")).get(0);
            String jd = jdPage;
            jd = nth(jd, "\\\\\"estimateFee\\\\\": [0-9.]+", 0, "\\\"estimateFee\\\": 3.031");
            jd = nth(jd, "\\\\\"id\\\\\": \\\\\"[0-9]+\\\\\"", 1, "\\\"id\\\": \\\"\\\"");
            jd = nth(jd, "\\\\\"estimateCosPrice\\\\\": [0-9.]+", 2, "\\\"estimateCosPrice\\\": \\\"n/a\\\"");
            Path jdFile = in.resolve("bad-jd.jsonl");
            Files.writeString(jdFile, jd + "\n{\"jd_union_open_order_row_query_responce\": {\"code\": \"0\", \"queryResult\": \"{\\\"code\\\": 200, \\\"data\\\": [{\\\"id\\\"\"}}\n",
                    StandardCharsets.UTF_8);

            // PDD: an unknown status, a negative amount, a missing order_sn, a rate with a fraction.
            String pddPage = Files.readAllLines(in.resolve("pdd-2026-10-20.jsonl")).get(0);
            String pdd = pddPage;
            pdd = nth(pdd, "\"order_status\": [0-9]+", 0, "\"order_status\": 7");
            pdd = nth(pdd, "\"order_amount\": [0-9]+", 1, "\"order_amount\": -100");
            pdd = nth(pdd, "\"order_sn\": \"[^\"]+\"", 2, "\"order_sn\": null");
            pdd = nth(pdd, "\"promotion_amount\": [0-9]+", 3, "\"promotion_amount\": 12.5");
            Path pddFile = in.resolve("bad-pdd.jsonl");
            Files.writeString(pddFile, pdd + "\n", StandardCharsets.UTF_8);

            // Taobao back-office export in GB18030: an unknown status text and a non-numeric amount.
            Charset gb = Charset.forName("GB18030");
            List<String> csv = new ArrayList<>(List.of(new String(Files.readAllBytes(in.resolve("taobao-2026-10-31.csv")), gb)
                    .split("\r\n")));
            csv.set(1, csv.get(1).replace("订单失效", "订单冻结"));
            csv.set(2, csv.get(2).replace(",267.26,", ",abc,"));
            Path csvFile = in.resolve("bad-export.csv");
            Files.write(csvFile, String.join("\r\n", csv).getBytes(gb));

            // App data: an unknown level, a kind that does not belong to its platform, a click with a bad time.
            Path users = in.resolve("bad-users.csv");
            Files.writeString(users, "user_id,level,inviter_id,registered_at\n1,GOLD,,2025-05-31T16:00:00+00:00\n"
                    + "2,VIP,,2025-05-31T16:00:00+00:00\n");
            Path bindings = in.resolve("bad-bindings.csv");
            Files.writeString(bindings, "platform,kind,value,user_id\nJD,RELATION_ID,123,2\nJD,SUB_UNION_ID,456,2\n");
            Path clicks = in.resolve("bad-clicks.csv");
            Files.writeString(clicks, "click_id,user_id,platform,item_id,pid,clicked_at\n"
                    + "5,2,JD,1,2,yesterday\n6,2,JD,1,2,2026-10-26T10:28:23+00:00\n");

            run(scenario, db, "import --platform taobao in/bad-taobao.jsonl");
            run(scenario, db, "import --platform jd in/bad-jd.jsonl");
            run(scenario, db, "import --platform pdd in/bad-pdd.jsonl");
            run(scenario, db, "import --platform taobao in/bad-export.csv");
            run(scenario, db, "load users in/bad-users.csv");
            run(scenario, db, "load bindings in/bad-bindings.csv");
            run(scenario, db, "load clicks in/bad-clicks.csv");

            List<String[]> rows = query(db, "SELECT source, line_no, raw_text, reason FROM quarantine ORDER BY source, row_no");
            assertThat(rows).hasSizeGreaterThanOrEqualTo(20);
            for (String[] r : rows) {
                assertThat(r[0]).as("source").isNotBlank();
                assertThat(Long.parseLong(r[1])).as("line number").isPositive();
                assertThat(r[3]).as("reason of %s line %s", r[0], r[1]).isNotBlank();
            }
            assertThat(count(rows, "bad-taobao.jsonl")).isEqualTo(10);
            assertThat(count(rows, "bad-jd.jsonl")).isEqualTo(4);
            assertThat(count(rows, "bad-pdd.jsonl")).isEqualTo(4);
            assertThat(count(rows, "bad-export.csv")).isEqualTo(2);
            assertThat(count(rows, "bad-users.csv") + count(rows, "bad-bindings.csv") + count(rows, "bad-clicks.csv"))
                    .isEqualTo(3);
            assertThat(reasons(rows)).anyMatch(r -> r.contains("abc")).anyMatch(r -> r.contains("12.345"))
                    .anyMatch(r -> r.contains("99")).anyMatch(r -> r.contains("GOLD"));
            // The good orders around the bad ones were imported: 20 - 8 Taobao, 15 - 3 JD, 26 - 4 PDD (distinct ids).
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM order_line WHERE platform = 'TAOBAO'"))
                    .isGreaterThanOrEqualTo(12);
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM app_user")).isEqualTo(1);
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM click")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aFileOverTheSkipLimitFailsAndNothingOfItIsVisible(TestDatabase db, @TempDir Path work) throws Exception {
        Path scenario = Scenarios.copySample("multi-week", work);
        Path in = scenario.resolve("in");
        try (db) {
            String page = Files.readAllLines(in.resolve("pdd-2026-10-20.jsonl")).get(0);
            String bad = page;
            for (int i = 0; i < 3; i++) {
                bad = nth(bad, "\"order_status\": [0-9]+", i, "\"order_status\": 77");
            }
            Path file = in.resolve("too-bad.jsonl");
            Files.writeString(file, bad + "\n");
            System.setProperty("rebatch.import-skip-limit", "2");
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            java.io.PrintStream oldErr = System.err;
            int code;
            try {
                System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
                code = RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), "import --platform pdd in/too-bad.jsonl"));
            } finally {
                System.setErr(oldErr);
            }
            assertThat(code).as("a refused file is bad input").isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("3 bad rows exceed the skip limit of 2")
                    .contains("nothing of the file was imported");
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM order_line")).isZero();
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM quarantine")).isEqualTo(3);
            // Running it again fails the same way and still shows nothing half-imported.
            assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), "import --platform pdd in/too-bad.jsonl")))
                    .isEqualTo(2);
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM order_line")).isZero();
            assertThat(Scenarios.count(db.jdbcUrl(), "SELECT COUNT(*) FROM quarantine")).isEqualTo(3);
        }
    }

    private static void run(Path scenario, TestDatabase db, String step) {
        assertThat(RebatchCommand.execute(Scenarios.args(scenario, db.jdbcUrl(), step))).as(step).isZero();
    }

    private static long count(List<String[]> rows, String source) {
        return rows.stream().filter(r -> r[0].equals(source)).count();
    }

    private static List<String> reasons(List<String[]> rows) {
        return rows.stream().map(r -> r[3]).toList();
    }

    /** Replaces the n-th (0-based) match of the regex. */
    static String nth(String text, String regex, int n, String replacement) {
        Matcher m = Pattern.compile(regex).matcher(text);
        for (int i = 0; i <= n; i++) {
            if (!m.find()) {
                throw new IllegalArgumentException("fewer than " + (n + 1) + " matches of " + regex);
            }
        }
        return text.substring(0, m.start()) + replacement + text.substring(m.end());
    }

    private static List<String[]> query(TestDatabase db, String sql) throws SQLException {
        return Scenarios.table(db.jdbcUrl(), sql);
    }
}
