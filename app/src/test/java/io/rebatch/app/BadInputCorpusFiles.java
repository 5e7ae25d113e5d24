package io.rebatch.app;

import static io.rebatch.app.BadInputCase.BINDINGS;
import static io.rebatch.app.BadInputCase.CLICKS;
import static io.rebatch.app.BadInputCase.TAOBAO;
import static io.rebatch.app.BadInputCase.USERS;
import static io.rebatch.app.BadInputCase.imported;
import static io.rebatch.app.BadInputCase.q;
import static io.rebatch.app.BadInputCase.refused;
import static io.rebatch.app.CorpusRows.TB_CSV_HEADER;
import static io.rebatch.app.CorpusRows.csvLine;
import static io.rebatch.app.CorpusRows.with;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The corpus of CSV files: the Taobao back-office export (UTF-8, UTF-8 with BOM, GB18030, UTF-16) and the app data
 * (users, bindings, clicks). A case about one bad record puts ten good records on lines 2–11 and the bad one on
 * line 12. Cases number from 101 so their ids never meet those of {@link BadInputCorpusReports}.
 */
final class BadInputCorpusFiles {
    private BadInputCorpusFiles() {
    }

    private static final Charset GB = Charset.forName("GB18030");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    static List<BadInputCase> cases() {
        List<BadInputCase> c = new ArrayList<>();
        // ---- Taobao back-office export ----
        c.add(export(c, "export UTF-8: 淘宝子订单号 8.21039E+17", StandardCharsets.UTF_8,
                r -> with(r.taobaoCsv(10), "淘宝子订单号", "8.21039E+17"), "scientific notation"));
        c.add(export(c, "export UTF-8 BOM: 淘宝订单编号 8.21039E+17", null,
                r -> with(r.taobaoCsv(10), "淘宝订单编号", "8.21039E+17"), "scientific notation"));
        c.add(export(c, "export GB18030: 推广位ID of 100 characters", GB,
                r -> with(r.taobaoCsv(10), "推广位ID", "9".repeat(100)), "100 characters long"));
        c.add(export(c, "export GB18030: unknown status 订单冻结", GB,
                r -> with(r.taobaoCsv(10), "订单状态", "订单冻结"), "订单冻结"));
        c.add(export(c, "export UTF-8: 付款时间 in 2099", StandardCharsets.UTF_8,
                r -> with(r.taobaoCsv(10), "付款时间", "2099-01-01 00:00:00"), "paid_at 2099-01-01 00:00:00 +08:00 is in the future"));
        c.add(export(c, "export UTF-8: 付款金额 with 3 decimals", StandardCharsets.UTF_8,
                r -> with(r.taobaoCsv(10), "付款金额", "100.005"), "100.005"));
        {
            CorpusRows r = next(c);
            List<String> lines = good(r, 10);
            lines.set(2, csvLine(with(r.taobaoCsv(1), "商品标题", "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")));
            lines.set(3, csvLine(with(r.taobaoCsv(2), "商品标题", "+1")));
            lines.set(4, csvLine(with(with(r.taobaoCsv(3), "渠道关系ID", "0"), "会员运营ID", "0")));
            c.add(imported("export GB18030: formula titles; 0 ids mean absent", TAOBAO, file(c, "csv"),
                    bytes(GB, lines), "order_line", 10)
                    .check("SELECT COUNT(*) FROM order_line WHERE order_line_id = '" + r.id("61", 1)
                            + "' AND item_title = '=HYPERLINK(\"http://evil.example\",\"x\")'")
                    .check("SELECT COUNT(*) FROM order_line WHERE order_line_id = '" + r.id("61", 2) + "' AND item_title = '+1'")
                    .check("SELECT COUNT(*) FROM order_line WHERE order_line_id = '" + r.id("61", 3)
                            + "' AND relation_id IS NULL AND special_id IS NULL"));
        }
        {
            CorpusRows r = next(c);
            List<String> lines = good(r, 10);
            lines.add(csvLine(with(r.taobaoCsv(10), "商品标题", "\"never closed")));
            c.add(imported("export UTF-8: a quote never closed on the last record", TAOBAO, file(c, "csv"),
                    bytes(StandardCharsets.UTF_8, lines), "order_line", 10, q(12, "never closed")));
        }
        c.add(refused("export: header only", TAOBAO, file(c, "csv"), bytes(GB, List.of(TB_CSV_HEADER)), "holds no rows"));
        {
            CorpusRows r = next(c);
            List<String> lines = new ArrayList<>();
            for (String l : good(r, 3)) { // drop the 15th column, 推广位ID
                List<String> f = new ArrayList<>(List.of(l.split(",", -1)));
                f.remove(14);
                lines.add(String.join(",", f));
            }
            c.add(refused("export: 推广位ID column missing", TAOBAO, file(c, "csv"), bytes(StandardCharsets.UTF_8, lines), "推广位ID"));
        }
        {
            CorpusRows r = next(c);
            byte[] le = String.join("\r\n", good(r, 3)).getBytes(StandardCharsets.UTF_16LE);
            c.add(refused("export: UTF-16LE with BOM", TAOBAO, file(c, "csv"), CorpusRows.withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, le),
                    "UTF-16"));
        }
        {
            CorpusRows r = next(c);
            c.add(refused("export: UTF-16BE without BOM", TAOBAO, file(c, "csv"),
                    String.join("\r\n", good(r, 3)).getBytes(StandardCharsets.UTF_16BE), "UTF-16"));
        }
        {
            next(c);
            c.add(refused("export: an HTML error page saved as .csv", TAOBAO, file(c, "csv"),
                    CorpusRows.utf8("<html><head><title>502 Bad Gateway</title></head>", "<body>502</body></html>"), "header"));
        }
        // ---- users.csv ----
        c.add(users(c, "users: unknown level GOLD", r -> r.userId(10) + ",GOLD,,2025-06-01T00:00:00+08:00", "GOLD"));
        c.add(users(c, "users: user_id 0", r -> "0,NORMAL,,2025-06-01T00:00:00+08:00", "not a positive id"));
        c.add(users(c, "users: user_id -5", r -> "-5,NORMAL,,2025-06-01T00:00:00+08:00", "not a positive id"));
        c.add(users(c, "users: self-invite", r -> r.userId(10) + ",VIP," + r.userId(10) + ",2025-06-01T00:00:00+08:00",
                "cannot invite themselves"));
        c.add(users(c, "users: registered_at yesterday", r -> r.userId(10) + ",NORMAL,,yesterday", "registered_at"));
        c.add(users(c, "users: registered_at in 1970", r -> r.userId(10) + ",NORMAL,,1970-01-01T00:00:00+00:00", "registered_at"));
        c.add(users(c, "users: user_id 8.21039E+17", r -> "8.21039E+17,NORMAL,,2025-06-01T00:00:00+08:00", "user_id"));
        c.add(users(c, "users: formula =1+1 as user_id", r -> "=1+1,NORMAL,,2025-06-01T00:00:00+08:00", "user_id"));
        {
            CorpusRows r = next(c);
            List<String> lines = new ArrayList<>(List.of(CorpusRows.USERS_HEADER));
            lines.add(r.userId(50) + ",VIP," + r.userId(51) + ",2025-06-01T00:00:00+08:00");
            lines.add(r.userId(51) + ",NORMAL," + r.userId(50) + ",2025-06-01T00:00:00+08:00");
            for (int i = 0; i < 20; i++) {
                lines.add(r.userId(i) + ",NORMAL,,2025-06-01T00:00:00+08:00");
            }
            c.add(imported("users: inviter cycle 2 → 3 → 2", USERS, file(c, "csv"), bytes(StandardCharsets.UTF_8, lines), "app_user", 20,
                    q(2, "inviter cycle " + r.userId(50) + " → " + r.userId(51) + " → " + r.userId(50)),
                    q(3, "inviter cycle")));
        }
        c.add(users(c, "users: inviter_id beyond a long", r -> r.userId(10) + ",NORMAL,99999999999999999999,2025-06-01T00:00:00+08:00",
                "inviter_id"));
        c.add(refused("users: all bad", USERS, file(c, "csv"), CorpusRows.utf8(CorpusRows.USERS_HEADER,
                "1,GOLD,,2025-06-01T00:00:00+08:00", "2,PLATINUM,,2025-06-01T00:00:00+08:00"), "all 2 rows are bad"));
        c.add(refused("users: a bindings file loaded as users", USERS, file(c, "csv"), CorpusRows.utf8(CorpusRows.BINDINGS_HEADER,
                "TAOBAO,RELATION_ID,9038553168,240891"), "header row"));
        // ---- bindings.csv ----
        c.add(bindings(c, "bindings: unknown kind UNION_ID", r -> "JD,UNION_ID,rbx" + r.id("", 10) + ",240891", "UNION_ID"));
        c.add(bindings(c, "bindings: unknown platform AMAZON", r -> "AMAZON,RELATION_ID," + r.id("3", 10) + ",240891", "AMAZON"));
        c.add(bindings(c, "bindings: RELATION_ID under JD", r -> "JD,RELATION_ID," + r.id("3", 10) + ",240891", "belongs to TAOBAO"));
        c.add(bindings(c, "bindings: value of 200 characters", r -> "JD,SUB_UNION_ID," + "v".repeat(200) + ",240891",
                "200 characters long"));
        c.add(bindings(c, "bindings: relation id 8.21039E+17", r -> "TAOBAO,RELATION_ID,8.21039E+17,240891", "scientific notation"));
        c.add(refused("bindings: empty file", BINDINGS, file(c, "csv"), new byte[0], "bindings"));
        // ---- clicks.csv ----
        c.add(clicks(c, "clicks: click_id 0", r -> "0,240891,TAOBAO,1,2,2026-11-10T10:00:00+08:00", "not a positive id"));
        c.add(clicks(c, "clicks: clicked_at yesterday", r -> clickId(r, 10) + ",240891,JD,1,2,yesterday", "clicked_at"));
        c.add(clicks(c, "clicks: clicked_at in 2099", r -> clickId(r, 10) + ",240891,JD,1,2,2099-01-01T00:00:00+08:00", "clicked_at"));
        c.add(clicks(c, "clicks: formula @SUM as click_id", r -> "@SUM(A1:A2),240891,JD,1,2,2026-11-10T10:00:00+08:00", "click_id"));
        c.add(clicks(c, "clicks: pid of 100 characters", r -> clickId(r, 10) + ",240891,JD,1," + "7".repeat(100)
                + ",2026-11-10T10:00:00+08:00", "100 characters long"));
        {
            CorpusRows r = next(c);
            List<String> lines = clicks(r, 10);
            lines.add(lines.get(1));
            lines.add(lines.get(2));
            c.add(imported("clicks: duplicated click rows", CLICKS, file(c, "csv"), bytes(StandardCharsets.UTF_8, lines), "click", 10));
        }
        {
            CorpusRows r = next(c);
            byte[] good = bytes(StandardCharsets.UTF_8, clicks(r, 10));
            byte[] bad = (clickId(r, 10) + ",240891,JD,\u0001\u0002,2,2026-11-10T10:00:00+08:00\n").getBytes(StandardCharsets.ISO_8859_1);
            bad[bad.length - 36] = (byte) 0xC3;
            bad[bad.length - 35] = (byte) 0x28;
            byte[] all = java.util.Arrays.copyOf(good, good.length + bad.length);
            System.arraycopy(bad, 0, all, good.length, bad.length);
            c.add(imported("clicks: item_id of invalid UTF-8 bytes", CLICKS, file(c, "csv"), all, "click", 10,
                    q(12, "neither valid UTF-8 nor valid GB18030")));
        }
        {
            CorpusRows r = next(c);
            c.add(refused("clicks: UTF-16LE", CLICKS, file(c, "csv"), CorpusRows.withBom(new byte[] {(byte) 0xFF, (byte) 0xFE},
                    String.join("\n", clicks(r, 3)).getBytes(StandardCharsets.UTF_16LE)), "UTF-16"));
        }
        c.add(refused("clicks: hand-written fixture, all rows bad", CLICKS, "clicks-all-bad.csv", fixture("clicks-all-bad.csv"),
                "all 3 rows are bad"));
        return c;
    }

    private static CorpusRows next(List<BadInputCase> c) {
        return new CorpusRows(c.size() + 101);
    }

    private static String file(List<BadInputCase> c, String ext) {
        return String.format("f%03d.%s", c.size() + 101, ext);
    }

    private static List<String> good(CorpusRows r, int n) {
        List<String> lines = new ArrayList<>(List.of(TB_CSV_HEADER));
        CorpusRows.rows(0, n, r::taobaoCsv).forEach(m -> lines.add(csvLine(m)));
        return lines;
    }

    private static long clickId(CorpusRows r, int row) {
        return 50_000_000L + r.userId(row);
    }

    private static List<String> clicks(CorpusRows r, int n) {
        List<String> lines = new ArrayList<>(List.of(CorpusRows.CLICKS_HEADER));
        for (int i = 0; i < n; i++) {
            lines.add(clickId(r, i) + ",240891,TAOBAO," + r.id("5", i) + ",93434641669,2026-11-10T09:58:00+08:00");
        }
        return lines;
    }

    private static byte[] bytes(Charset cs, List<String> lines) {
        return CorpusRows.lines(cs, lines.toArray(String[]::new));
    }

    /** Ten good export records and {@code bad} on line 12; {@code cs} null means UTF-8 with a BOM. */
    private static BadInputCase export(List<BadInputCase> c, String name, Charset cs,
                                       Function<CorpusRows, Map<String, String>> bad, String reason) {
        CorpusRows r = next(c);
        List<String> lines = good(r, 10);
        lines.add(csvLine(bad.apply(r)));
        byte[] b = cs == null ? CorpusRows.withBom(BOM, bytes(StandardCharsets.UTF_8, lines)) : bytes(cs, lines);
        return imported(name, TAOBAO, file(c, "csv"), b, "order_line", 10, q(12, reason));
    }

    private static BadInputCase appData(List<BadInputCase> c, String name, String cmd, String table, List<String> lines,
                                        String bad, String reason) {
        lines.add(bad);
        return imported(name, cmd, file(c, "csv"), bytes(StandardCharsets.UTF_8, lines), table, 10, q(12, reason));
    }

    private static BadInputCase users(List<BadInputCase> c, String name, Function<CorpusRows, String> bad, String reason) {
        CorpusRows r = next(c);
        List<String> lines = new ArrayList<>(List.of(CorpusRows.USERS_HEADER));
        for (int i = 0; i < 10; i++) {
            lines.add(r.userId(i) + (i == 0 ? ",SVIP," : ",NORMAL," + r.userId(0)) + ",2025-06-01T00:00:00+08:00");
        }
        return appData(c, name, USERS, "app_user", lines, bad.apply(r), reason);
    }

    private static BadInputCase bindings(List<BadInputCase> c, String name, Function<CorpusRows, String> bad, String reason) {
        CorpusRows r = next(c);
        List<String> lines = new ArrayList<>(List.of(CorpusRows.BINDINGS_HEADER));
        for (int i = 0; i < 10; i++) {
            lines.add((i % 2 == 0 ? "TAOBAO,RELATION_ID," + r.id("3", i) : "PDD,CUSTOM_PARAMETERS_UID,u" + r.id("", i)) + ",240891");
        }
        return appData(c, name, BINDINGS, "tracking_binding", lines, bad.apply(r), reason);
    }

    private static BadInputCase clicks(List<BadInputCase> c, String name, Function<CorpusRows, String> bad, String reason) {
        CorpusRows r = next(c);
        return appData(c, name, CLICKS, "click", clicks(r, 10), bad.apply(r), reason);
    }

    private static byte[] fixture(String name) {
        try (InputStream in = BadInputCorpusFiles.class.getResourceAsStream("/bad-input/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource bad-input/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
