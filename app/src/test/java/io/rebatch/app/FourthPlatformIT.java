package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.rebatch.domain.Platform;
import io.rebatch.domain.Platforms;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fourth platform added without touching core code: the fake "Douyin" of {@code io.rebatch.douyin} (test source
 * set) is registered only on the class path of the child JVMs run here ({@code src/test/fourth-platform}), its API
 * served by a small HTTP server in this test. The real CLI loads its bindings, pulls it ({@code run}), imports a dump
 * of it (with a bad row quarantined), settles it with the shipped rule sets (which do not name it: its documented
 * default fee applies) and exports it.
 */
class FourthPlatformIT {
    private static final Path REGISTRATION = Path.of("src/test/fourth-platform");
    private static final String DATE = "2026-11-10";
    /** 2026-11-10 10:00 and 11:30 Asia/Shanghai. */
    private static final long T1 = Instant.parse("2026-11-10T02:00:00Z").getEpochSecond();
    private static final long T2 = Instant.parse("2026-11-10T03:30:00Z").getEpochSecond();

    @Test
    void aFakeFourthPlatformIsPulledImportedAndSettledByTheUnchangedCore(@TempDir Path work) throws Exception {
        assertThatThrownBy(() -> Platform.parse("douyin")).as("not registered in this JVM")
                .hasMessageContaining("unknown platform 'douyin'");
        assertThat(Platforms.all()).containsExactly(Platform.TAOBAO, Platform.JD, Platform.PDD);

        Path config = work.resolve("config");
        copy(Path.of("../config"), config);
        try (Stream<Path> shipped = Files.list(config.resolve("rules"))) {
            for (Path f : shipped.toList()) {
                Files.delete(f);
            }
        }
        // a rule set written before DOUYIN existed: it names only the shipped platforms' fees
        Files.writeString(config.resolve("rules/2026-01.yml"), """
                version: "2026-01"
                effective_from: 2026-01-01
                level_share_bps: {NORMAL: 5000, VIP: 6500, SVIP: 8000}
                inviter_share_bps: 1000
                grand_inviter_share_bps: 500
                platform_fee_bps: {TAOBAO: 0, JD: 0, PDD: 200}
                freeze_days: 7
                click_window_hours: 72
                monthly_tiers:
                  - {min_fen: 20000, bonus_bps: 200}
                min_withdraw_fen: 100
                max_withdraw_fen_per_day: 500000
                """);
        Files.writeString(work.resolve("users.csv"), "user_id,level,inviter_id,registered_at\n"
                + "1001,NORMAL,,2026-01-01T00:00:00+08:00\n1002,VIP,1001,2026-01-02T00:00:00+08:00\n");
        Files.writeString(work.resolve("bindings.csv"), "platform,kind,value,user_id\n"
                + "douyin,EXTERNAL_INFO,u1001,1001\ndouyin,EXTERNAL_INFO,u1002,1002\n");
        String bad = "{\"order_id\":\"DY-BAD\",\"status\":\"SHIPPED\"}";
        Files.writeString(work.resolve("mostly-bad.jsonl"), page(false, order("DY-X", "PAID", 5000, 0, T2, "u1002"), bad)
                + "\n");
        List<String> good = new ArrayList<>();
        for (int i = 3; i <= 12; i++) {
            good.add(order("DY-L" + i, "PAID", 5000, 0, T2, "u1002"));
        }
        good.add(bad);
        Files.writeString(work.resolve("dump.jsonl"), page(false, good.toArray(String[]::new)) + "\n");

        AtomicInteger requests = new AtomicInteger();
        HttpServer api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/", exchange -> {
            requests.incrementAndGet();
            Map<String, String> form = form(exchange.getRequestBody());
            long start = Long.parseLong(form.get("start"));
            long end = Long.parseLong(form.get("end"));
            // one order per page, only those updated within the window
            List<String> orders = new ArrayList<>();
            if (T1 >= start && T1 < end) {
                orders.add(order("DY-L1", "SETTLED", 20000, 10000, T1, "u1001"));
                orders.add(order("DY-L2", "PAID", 8000, 0, T1, "u1002"));
            }
            int page = Integer.parseInt(form.get("page"));
            String body = page(page < orders.size(), page <= orders.size() ? orders.get(page - 1) : "");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        api.start();
        try {
            String db = "jdbc:h2:file:" + work.resolve("db").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
            List<String> jvm = new ArrayList<>(ChildProcess.FAST_START);
            jvm.addAll(List.of("-Duser.timezone=America/New_York",
                    "-Drebatch.platforms.douyin.endpoint=http://127.0.0.1:" + api.getAddress().getPort() + "/",
                    "-Drebatch.platforms.douyin.app-key=k", "-Drebatch.platforms.douyin.app-secret=s",
                    "-Drebatch.archive-dir=" + work.resolve("archive")));
            cli(work, jvm, db, config, "load", "users", work.resolve("users.csv").toString());
            cli(work, jvm, db, config, "load", "bindings", work.resolve("bindings.csv").toString());
            String refused = cli(work, jvm, db, config, 2, "import", "--platform", "douyin",
                    work.resolve("mostly-bad.jsonl").toString());
            assertThat(refused).contains("not a DOUYIN order report?").contains("nothing of the file was imported");
            String imported = cli(work, jvm, db, config, "import", "--platform", "douyin",
                    work.resolve("dump.jsonl").toString());
            assertThat(imported).contains("quarantined 1");
            // pulls the day from the fake API, then settles it: the imported lines and the pulled ones
            cli(work, jvm, db, config, "run", "--date", DATE, "--platform", "douyin");
            assertThat(requests.get()).as("pages asked of the fake API").isGreaterThanOrEqualTo(2);
            cli(work, jvm, db, config, "export", "lines", "--out", work.resolve("lines.csv").toString());
            cli(work, jvm, db, config, "export", "balances", "--out", work.resolve("balances.csv").toString());
        } finally {
            api.stop(0);
        }

        Map<String, Map<String, String>> lines = csv(work.resolve("lines.csv"), "order_line_id");
        assertThat(lines).hasSize(12).containsKeys("DY-L1", "DY-L2", "DY-L3", "DY-L12").doesNotContainKey("DY-X");
        Map<String, String> settled = lines.get("DY-L1");
        assertThat(settled).containsEntry("platform", "DOUYIN").containsEntry("status", "SETTLED")
                .containsEntry("user_id", "1001")
                // 10000 fen settled − share(10000, 100 bp default fee) = 9900; NORMAL buyer 50 % = 4950
                .containsEntry("income_fen", "9900").containsEntry("buyer_fen", "4950");
        assertThat(lines.get("DY-L2")).containsEntry("user_id", "1002").containsEntry("status", "PAID");
        assertThat(lines.get("DY-L3")).containsEntry("user_id", "1002").containsEntry("status", "PAID");
        Map<String, Map<String, String>> balances = csv(work.resolve("balances.csv"), "user_id");
        // 1001: own settled line 4950, plus as 1002's inviter 10 % of 1002's paid lines after the 1 % fee:
        // DY-L2 estimate 1600 → 1584 → 158; DY-L3..12 estimate 1000 → 990 → 99 each, 990
        assertThat(balances.get("1001")).containsEntry("pending_fen", Long.toString(4950 + 158 + 990))
                .containsEntry("available_fen", "0");
        // 1002 (VIP 65 %): 1584 → 1029, 990 → 643 each
        assertThat(balances.get("1002")).containsEntry("pending_fen", Long.toString(1029 + 10 * 643));
    }

    private static String cli(Path work, List<String> jvm, String db, Path config, String... args) {
        return cli(work, jvm, db, config, 0, args);
    }

    private static String cli(Path work, List<String> jvm, String db, Path config, int exit, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db, "--config", config.toString()));
        all.addAll(List.of(args));
        ChildProcess p = ChildProcess.start(args[0], work.resolve("child.log"), jvm, List.of(REGISTRATION),
                RebatchApplication.class, all);
        int code = p.waitFor(180);
        String out = p.output();
        assertThat(code).as("rebatch %s:%n%s", String.join(" ", args), out).isEqualTo(exit);
        return out;
    }

    private static String order(String id, String status, long payFen, long settleFen, long updated, String externalInfo) {
        return "{\"order_id\":\"" + id + "\",\"parent_id\":\"P" + id + "\",\"product_id\":\"3701\",\"title\":\"抖音好物\","
                + "\"count\":1,\"pay_fen\":" + payFen + ",\"rate_bps\":2000,\"estimate_fen\":" + payFen / 5
                + ",\"settle_fen\":" + settleFen + ",\"status\":\"" + status + "\",\"create_time\":" + (updated - 3600)
                + ",\"settle_time\":" + updated + ",\"update_time\":" + updated + ",\"pid\":\"dy_pid_1\","
                + "\"external_info\":\"" + externalInfo + "\"}";
    }

    private static String page(boolean hasMore, String... orders) {
        return "{\"douyin_order_list\":{\"has_more\":" + hasMore + ",\"orders\":["
                + String.join(",", Stream.of(orders).filter(o -> !o.isEmpty()).toList()) + "]}}";
    }

    private static Map<String, String> form(InputStream in) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (String pair : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static Map<String, Map<String, String>> csv(Path file, String key) throws IOException {
        List<String> rows = Files.readAllLines(file);
        String[] header = rows.get(0).split(",", -1);
        Map<String, Map<String, String>> out = new HashMap<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] v = row.split(",", -1);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                m.put(header[i], v[i]);
            }
            out.put(m.get(key), m);
        }
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
