package io.rebatch.sandbox.generator;

import io.rebatch.sandbox.TestJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The written files have the samples' shapes: headers, envelopes, money formats, encodings, quirks. */
class ScenarioWriterTest {
    static final LocalDate FROM = LocalDate.of(2026, 10, 5);
    static final LocalDate TO = LocalDate.of(2026, 11, 25);
    static final LocalDate EXPORT_DAY = LocalDate.of(2026, 10, 31);
    private static final Pattern YUAN_2DP = Pattern.compile("\\d+\\.\\d{2}");
    private static final Pattern YUAN_4DP = Pattern.compile("\\d+\\.\\d{4}");
    private static final Pattern LOCAL_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

    @TempDir
    static Path dir;
    static List<Path> written;
    static Path in;

    @BeforeAll
    static void write() throws IOException {
        ScenarioSpec spec = ScenarioSpec.builder().seed(20261105).users(80).orders(900).from(FROM).to(TO)
                .taobaoExportOn(EXPORT_DAY).build();
        written = ScenarioWriter.write(new ScenarioGenerator(spec), dir);
        in = dir.resolve("in");
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> pages(String name) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : lines(in.resolve(name))) {
            out.add(TestJson.parse(l));
        }
        return out;
    }

    private static List<String> dumps(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(in)) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(prefix) && n.endsWith(".jsonl") && !n.contains("refunds"))
                    .sorted().toList();
        }
    }

    @Test
    void writesTheSampleLayoutAndAStepsScriptThatNamesOnlyWrittenFiles() throws IOException {
        assertThat(written).contains(Path.of("in/users.csv"), Path.of("in/bindings.csv"), Path.of("in/clicks.csv"),
                Path.of("steps.txt"), Path.of("config/rules/2026-10.yml"), Path.of("config/rules/2026-11.yml"),
                Path.of("in/taobao-2026-10-05.jsonl"), Path.of("in/jd-2026-11-25.jsonl"), Path.of("in/pdd-2026-10-20.jsonl"),
                Path.of("in/taobao-2026-10-31.csv"));
        assertThat(written).doesNotContain(Path.of("in/taobao-2026-10-31.jsonl"));
        List<String> steps = lines(dir.resolve("steps.txt"));
        assertThat(steps.subList(0, 3)).containsExactly("load users in/users.csv", "load bindings in/bindings.csv",
                "load clicks in/clicks.csv");
        assertThat(steps).contains("import --platform taobao in/taobao-2026-10-31.csv", "settle --date 2026-10-05",
                "settle --date 2026-11-25", "close-month --month 2026-10");
        assertThat(steps).doesNotContain("close-month --month 2026-11"); // November is not complete on the 25th
        assertThat(steps.subList(steps.size() - 2, steps.size())).containsExactly(
                "export balances --out out/balances.csv", "export lines --out out/lines.csv");
        assertThat(steps.stream().filter(s -> s.startsWith("settle --date"))).hasSize(52);
        assertThat(steps.stream().filter(s -> s.startsWith("import --platform taobao --refunds"))).isNotEmpty();
        for (String s : steps) {
            if (s.startsWith("import ") || s.startsWith("load ")) {
                String file = s.substring(s.lastIndexOf(' ') + 1);
                assertThat(dir.resolve(file)).as(s).exists();
            }
        }
        // every import of a day comes before that day's settle
        assertThat(steps.indexOf("import --platform pdd in/pdd-2026-10-06.jsonl"))
                .isLessThan(steps.indexOf("settle --date 2026-10-06"))
                .isGreaterThan(steps.indexOf("settle --date 2026-10-05"));
    }

    @Test
    void ruleSetsHaveExactlyTheSpecKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        for (String l : lines(dir.resolve("config/rules/2026-11.yml"))) {
            if (!l.startsWith(" ") && l.contains(":")) {
                keys.add(l.substring(0, l.indexOf(':')));
            }
        }
        assertThat(keys).containsExactlyInAnyOrder("version", "effective_from", "level_share_bps", "inviter_share_bps",
                "grand_inviter_share_bps", "platform_fee_bps", "freeze_days", "click_window_hours", "monthly_tiers",
                "min_withdraw_fen", "max_withdraw_fen_per_day");
        assertThat(lines(dir.resolve("config/rules/2026-10.yml"))).contains("effective_from: 2026-10-01");
    }

    @Test
    void appDataFilesHaveTheSampleHeadersCrlfAndTheTrickyCases() throws IOException {
        String users = Files.readString(in.resolve("users.csv"));
        assertThat(users).startsWith("user_id,level,inviter_id,registered_at\r\n").endsWith("\r\n");
        Map<String, String> inviterOf = new HashMap<>();
        Set<String> levels = new HashSet<>();
        for (String l : users.split("\r\n")) {
            if (l.startsWith("user_id")) {
                continue;
            }
            String[] c = l.split(",", -1);
            assertThat(c).hasSize(4);
            levels.add(c[1]);
            inviterOf.put(c[0], c[2]);
            OffsetDateTime.parse(c[3]);
            assertThat(c[3]).matches(".*(\\+08:00|\\+00:00)");
        }
        assertThat(levels).containsExactlyInAnyOrder("NORMAL", "VIP", "SVIP");
        assertThat(inviterOf.values()).contains("");
        assertThat(inviterOf.values().stream().filter(i -> !i.isEmpty() && !inviterOf.containsKey(i)))
                .as("inviters who are not loaded").isNotEmpty();
        assertThat(inviterOf.entrySet().stream().filter(e -> !e.getValue().isEmpty()
                && !inviterOf.getOrDefault(e.getValue(), "").isEmpty())).as("two-level chains").isNotEmpty();

        List<String> bindings = lines(in.resolve("bindings.csv"));
        assertThat(bindings.get(0)).isEqualTo("platform,kind,value,user_id");
        assertThat(bindings).anyMatch(l -> l.startsWith("TAOBAO,RELATION_ID,"))
                .anyMatch(l -> l.startsWith("TAOBAO,SPECIAL_ID,"))
                .anyMatch(l -> l.matches("JD,SUB_UNION_ID,rb[0-9a-f]{8},\\d+"))
                .anyMatch(l -> l.matches("PDD,CUSTOM_PARAMETERS_UID,[0-9a-f]{10},\\d+"))
                .anyMatch(l -> !inviterOf.containsKey(l.substring(l.lastIndexOf(',') + 1)) && !l.startsWith("platform"));

        List<String> clicks = lines(in.resolve("clicks.csv"));
        assertThat(clicks.get(0)).isEqualTo("click_id,user_id,platform,item_id,pid,clicked_at");
        Map<String, Integer> idCount = new HashMap<>();
        Map<String, Set<String>> idsByItemPidTime = new HashMap<>();
        for (String l : clicks.subList(1, clicks.size())) {
            String[] c = l.split(",", -1);
            assertThat(Long.parseLong(c[0])).isPositive();
            assertThat(c[2]).isIn("TAOBAO", "JD", "PDD");
            OffsetDateTime.parse(c[5]);
            idCount.merge(c[0], 1, Integer::sum);
            idsByItemPidTime.computeIfAbsent(c[2] + c[3] + c[4] + OffsetDateTime.parse(c[5]).toInstant(),
                    k -> new HashSet<>()).add(c[0]);
        }
        assertThat(idCount.values()).as("duplicate click rows").contains(2);
        assertThat(idsByItemPidTime.values()).as("ties on clicked_at").anyMatch(ids -> ids.size() > 1);
        assertThat(clicks).anyMatch(l -> l.split(",")[3].matches(".*[A-Za-z-].*")); // encrypted Taobao item ids
    }

    @Test
    void taobaoDumpsUseTheTopEnvelopeAndStringMoney() throws IOException {
        Set<Integer> statuses = new HashSet<>();
        boolean relation = false;
        boolean special = false;
        boolean encrypted = false;
        boolean multiPage = false;
        boolean emptyPage = false;
        for (String f : dumps("taobao-")) {
            List<JsonNode> pages = pages(f);
            for (int i = 0; i < pages.size(); i++) {
                JsonNode data = pages.get(i).get("tbk_order_details_get_response").get("data");
                assertThat(pages.get(i).get("tbk_order_details_get_response").get("request_id").asString()).hasSize(13);
                JsonNode rows = data.get("results").get("publisher_order_dto");
                if (rows == null) {
                    emptyPage = true;
                    continue;
                }
                if (data.get("has_next").asBoolean()) {
                    multiPage = true;
                    assertThat(rows.size()).isEqualTo(20);
                }
                assertThat(data.get("position_index").asString()).matches("\\d+_\\w+\\|\\d+_\\w+");
                for (JsonNode r : rows) {
                    assertThat(r.get("trade_id").isString()).isTrue();
                    assertThat(r.get("trade_id").asString()).matches("\\d{19}");
                    for (String m : List.of("item_price", "alipay_total_price", "total_commission_fee",
                            "pub_share_pre_fee", "pub_share_fee", "alimama_share_fee", "total_commission_rate")) {
                        assertThat(r.get(m).asString()).as(m).matches(YUAN_2DP);
                    }
                    assertThat(r.get("pay_price").asString()).matches("--|\\d+\\.\\d{2}");
                    assertThat(r.get("modified_time").asString()).matches(LOCAL_TIME);
                    assertThat(r.get("tk_earning_time").asString()).matches("--|" + LOCAL_TIME.pattern());
                    assertThat(r.get("adzone_id").isIntegralNumber()).isTrue();
                    int st = r.get("tk_status").asInt();
                    statuses.add(st);
                    if (st == 3) {
                        assertThat(r.get("tk_earning_time").asString()).isNotEqualTo("--");
                    }
                    // Taobao's rounding: commission floored, tech fee half-up
                    BigDecimal alipay = new BigDecimal(r.get("alipay_total_price").asString());
                    BigDecimal rate = new BigDecimal(r.get("total_commission_rate").asString());
                    assertThat(new BigDecimal(r.get("pub_share_pre_fee").asString()))
                            .isEqualByComparingTo(alipay.multiply(rate).movePointLeft(2).setScale(2, java.math.RoundingMode.FLOOR));
                    relation |= r.has("relation_id");
                    special |= r.has("special_id");
                    encrypted |= !r.get("item_id").asString().matches("\\d+");
                }
            }
        }
        assertThat(statuses).contains(11, 12, 13, 14, 3);
        assertThat(relation).isTrue();
        assertThat(special).isTrue();
        assertThat(encrypted).isTrue();
        assertThat(emptyPage).isTrue();
        assertThat(multiPage).isFalse(); // a sparse scenario: see busyDaysArePagedLikeTheApi
    }

    @Test
    void busyDaysArePagedLikeTheApi(@TempDir Path busy) throws IOException {
        LocalDate day = LocalDate.of(2026, 11, 11);
        ScenarioWriter.write(new ScenarioGenerator(ScenarioSpec.builder().seed(3).users(50).orders(1500)
                .from(day).to(day).build()), busy);
        List<String> taobao = Files.readAllLines(busy.resolve("in/taobao-2026-11-11.jsonl"));
        int pagesWithNext = 0;
        for (String l : taobao) {
            JsonNode data = TestJson.parse(l).get("tbk_order_details_get_response").get("data");
            if (data.get("has_next").asBoolean()) {
                pagesWithNext++;
                assertThat(data.get("results").get("publisher_order_dto").size()).isEqualTo(20);
            }
            if (data.get("page_no").asInt() > 1) {
                assertThat(data.get("has_pre").asBoolean()).isTrue();
            }
        }
        assertThat(pagesWithNext).isPositive();
        List<String> pdd = Files.readAllLines(busy.resolve("in/pdd-2026-11-11.jsonl"));
        assertThat(pdd).hasSizeGreaterThan(1);
        long total = TestJson.parse(pdd.get(0)).get("order_list_get_response").get("total_count").asLong();
        long rows = pdd.stream().mapToLong(l -> TestJson.parse(l).get("order_list_get_response").get("order_list").size()).sum();
        assertThat(rows).isEqualTo(total).isGreaterThan(100);
    }

    @Test
    void jdDumpsAreDoublyEncodedWithNumberMoney() throws IOException {
        Set<Integer> codes = new HashSet<>();
        boolean settledPayMonth = false;
        boolean partialRefund = false;
        Map<String, BigDecimal> settledFee = new HashMap<>();
        for (String f : dumps("jd-")) {
            for (JsonNode page : pages(f)) {
                JsonNode outer = page.get("jd_union_open_order_row_query_responce");
                assertThat(outer.get("code").asString()).isEqualTo("0");
                String qr = outer.get("queryResult").asString();
                assertThat(qr).doesNotContain("\"estimateFee\":\"");
                assertThat(Pattern.compile("\"estimateFee\":\\d+\\.\\d{2}[,}]").matcher(qr).find() || !qr.contains("estimateFee")).isTrue();
                assertThat(Pattern.compile("\"commissionRate\":\\d+\\.\\d{4}[,}]").matcher(qr).find() || !qr.contains("commissionRate")).isTrue();
                JsonNode inner = TestJson.parse(qr);
                assertThat(inner.get("code").asInt()).isEqualTo(200);
                JsonNode data = inner.get("data");
                if (data == null) {
                    continue;
                }
                for (JsonNode r : data) {
                    assertThat(r.get("id").isString()).isTrue();
                    assertThat(r.get("orderId").isIntegralNumber()).isTrue();
                    assertThat(r.get("estimateFee").decimalValue().scale()).isEqualTo(2);
                    int code = r.get("validCode").asInt();
                    codes.add(code);
                    int payMonth = r.get("payMonth").asInt();
                    if (code == 17 && payMonth != 0) {
                        settledPayMonth = true;
                        assertThat(String.valueOf(payMonth)).matches("\\d{4}(0[1-9]|1[0-2])20");
                    }
                    if (code == 15 || code == 16) {
                        assertThat(r.get("finishTime").asString()).isEmpty();
                    }
                    if ((code == 17 && payMonth != 0) || code == 18) {
                        BigDecimal fee = r.get("actualFee").decimalValue();
                        BigDecimal before = settledFee.put(r.get("id").asString() + r.get("modifyTime").asString(), fee);
                        String id = r.get("id").asString();
                        for (var e : settledFee.entrySet()) {
                            if (e.getKey().startsWith(id) && e.getValue().compareTo(fee) > 0
                                    && e.getKey().compareTo(id + r.get("modifyTime").asString()) < 0) {
                                partialRefund = true;
                            }
                        }
                    }
                }
            }
        }
        assertThat(codes).contains(15, 16, 17, 18, 3);
        assertThat(settledPayMonth).isTrue();
        assertThat(partialRefund).as("a later snapshot with a lower actualFee").isTrue();
    }

    @Test
    void pddDumpsUseFenIntegersEpochSecondsAndCustomParameters() throws IOException {
        Set<Integer> statuses = new HashSet<>();
        Set<String> customKinds = new HashSet<>();
        for (String f : dumps("pdd-")) {
            for (JsonNode page : pages(f)) {
                JsonNode resp = page.get("order_list_get_response");
                assertThat(resp.get("total_count").isIntegralNumber()).isTrue();
                for (JsonNode r : resp.get("order_list")) {
                    assertThat(r.get("order_sn").asString()).matches("\\d{6}-\\d{15}");
                    assertThat(r.get("promotion_amount").isIntegralNumber()).isTrue();
                    assertThat(r.get("order_amount").isIntegralNumber()).isTrue();
                    long amount = r.get("order_amount").asLong();
                    long rate = r.get("promotion_rate").asLong();
                    assertThat(r.get("promotion_amount").asLong()).isEqualTo((amount * rate * 2 + 1000) / 2000);
                    assertThat(r.get("order_modify_at").isIntegralNumber()).isTrue();
                    int st = r.get("order_status").asInt();
                    statuses.add(st);
                    if (st == 0) {
                        assertThat(r.get("order_receive_time").isNull()).isTrue();
                    }
                    String cp = r.get("custom_parameters").asString();
                    customKinds.add(cp.isEmpty() ? "empty" : cp.equals("-1") ? "-1" : cp.startsWith("{\"uid\"") ? "json" : cp);
                }
            }
        }
        assertThat(statuses).contains(-1, 0, 1, 2, 3, 4, 5, 10);
        assertThat(customKinds).containsExactlyInAnyOrder("empty", "-1", "json");
    }

    @Test
    void refundDumpsHaveFourDecimalStringsAndNumericTradeIds() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(in)) {
            files = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("taobao-refunds-")).toList();
        }
        assertThat(files).isNotEmpty();
        Set<Integer> statuses = new HashSet<>();
        for (String f : files) {
            String text = Files.readString(in.resolve(f));
            assertThat(text).containsPattern("\"tb_trade_id\":\\d{19},");
            for (JsonNode page : pages(f)) {
                JsonNode data = page.get("tbk_relation_refund_response").get("result").get("data");
                assertThat(data.get("total_count").isString()).isTrue();
                for (JsonNode r : data.get("results").get("result")) {
                    assertThat(r.get("tk_commission_fee_refund_pub").asString()).matches(YUAN_4DP);
                    statuses.add(r.get("refund_status").asInt());
                }
            }
        }
        assertThat(statuses).contains(4);
        assertThat(statuses).containsAnyOf(2, 13, 15);
    }

    @Test
    void taobaoExportIsGb18030WithTheSampleHeaderTabPrefixedIdsAndCrlf() throws IOException {
        byte[] bytes = Files.readAllBytes(in.resolve("taobao-2026-10-31.csv"));
        assertThat(bytes[0]).isNotEqualTo((byte) 0xEF); // no BOM
        String text = new String(bytes, Charset.forName("GB18030"));
        assertThat(text).startsWith("创建时间,付款时间,结算时间,商品标题,商品ID,商品数量,订单状态,付款金额,淘宝订单编号,淘宝子订单号,"
                + "收入比率,付款预估收入,结算预估收入,技术服务费,推广位ID,渠道关系ID,会员运营ID,维权标签,媒体名称\r\n");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("创建时间"); // really not UTF-8
        String[] rows = text.split("\r\n");
        assertThat(rows.length).isGreaterThan(1);
        for (int i = 1; i < rows.length; i++) {
            assertThat(rows[i]).containsPattern(",\t\\d{19},\t\\d{19},");
            assertThat(rows[i]).containsPattern(",(订单付款|订单成功|订单结算|订单失效),");
        }
    }

    @Test
    void dumpsRepeatAndReorderSnapshotsLikeThePlatformsDo() throws IOException {
        int duplicatesInAFile = 0;
        int olderThanTheFileDay = 0;
        for (String f : dumps("taobao-")) {
            String day = f.substring("taobao-".length(), "taobao-".length() + 10);
            Map<String, Integer> seen = new HashMap<>();
            for (JsonNode page : pages(f)) {
                JsonNode rows = page.get("tbk_order_details_get_response").get("data").get("results").get("publisher_order_dto");
                if (rows == null) {
                    continue;
                }
                for (JsonNode r : rows) {
                    String key = r.get("trade_id").asString() + "@" + r.get("modified_time").asString();
                    if (seen.merge(key, 1, Integer::sum) == 2) {
                        duplicatesInAFile++;
                    }
                    if (r.get("modified_time").asString().substring(0, 10).compareTo(day) < 0) {
                        olderThanTheFileDay++;
                    }
                }
            }
        }
        assertThat(duplicatesInAFile).isPositive();
        assertThat(olderThanTheFileDay).isPositive();
    }
}
