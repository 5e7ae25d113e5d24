package io.rebatch.sandbox.server;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import io.rebatch.sandbox.generator.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** With no simulated updates, paging through a window returns each of its snapshots exactly once. */
class PagingTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 11);
    static SandboxServer server;
    static TestClient client;
    static ScenarioGenerator g;

    @BeforeAll
    static void start() {
        g = new ScenarioGenerator(ScenarioSpec.builder().seed(4).users(200).orders(3000)
                .from(LocalDate.of(2026, 11, 8)).to(LocalDate.of(2026, 11, 12)).build());
        server = SandboxServer.builder().scenario(g).pddUpdatesPerPage(0).build().start();
        client = new TestClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String tbKey(JsonNode r) {
        return r.get("trade_id").asString() + "@" + r.get("modified_time").asString();
    }

    private static String expectedKey(Snapshot s) {
        return s.lineId() + "@" + BusinessTime.formatLocal(s.updatedAt());
    }

    @Test
    void taobaoPagesForwardWithPositionIndexInModifiedTimeOrder() {
        Instant a = BusinessTime.parseLocal("2026-11-11 09:00:00");
        Instant b = a.plusSeconds(3 * 3600);
        List<String> expected = g.snapshots(Platform.TAOBAO, a, b).stream().map(PagingTest::expectedKey).toList();
        assertThat(expected.size()).as("several pages").isGreaterThan(25);

        List<String> got = new ArrayList<>();
        List<String> modified = new ArrayList<>();
        List<String> positionIndexes = new ArrayList<>();
        String position = null;
        int pageNo = 1;
        while (true) {
            JsonNode data = client.taobaoOrders(a, b, pageNo, 10, position, 1).get("tbk_order_details_get_response").get("data");
            assertThat(data.get("page_no").asInt()).isEqualTo(pageNo);
            assertThat(data.get("has_pre").asBoolean()).isEqualTo(pageNo > 1);
            for (JsonNode r : data.get("results").path("publisher_order_dto")) {
                got.add(tbKey(r));
                modified.add(r.get("modified_time").asString());
            }
            position = data.get("position_index").asString();
            positionIndexes.add(position);
            if (!data.get("has_next").asBoolean()) {
                break;
            }
            pageNo++;
        }
        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(modified).isSorted();
        assertThat(pageNo).isEqualTo((expected.size() + 9) / 10);

        // jump_type -1 from the third page's cursor gives the second page again
        JsonNode back = client.taobaoOrders(a, b, 2, 10, positionIndexes.get(2), -1).get("tbk_order_details_get_response").get("data");
        List<String> second = new ArrayList<>();
        back.get("results").get("publisher_order_dto").forEach(r -> second.add(tbKey(r)));
        assertThat(second).containsExactlyElementsOf(expected.subList(10, 20));
        assertThat(back.get("position_index").asString()).isEqualTo(positionIndexes.get(1));
    }

    @Test
    void jdHourlyWindowsOfADayReturnTheDaysSnapshotsExactlyOnce() {
        Map<String, Integer> seen = new HashMap<>();
        Instant start = BusinessTime.startOf(DAY);
        int morePages = 0;
        for (int h = 0; h < 24; h++) {
            Instant a = start.plusSeconds(3600L * h);
            for (int page = 1; ; page++) {
                JsonNode qr = client.jdOrders(a, a.plusSeconds(3600), page, 10);
                assertThat(qr.get("code").asInt()).isEqualTo(200);
                for (JsonNode r : qr.path("data")) {
                    seen.merge(r.get("id").asString() + "@" + r.get("modifyTime").asString(), 1, Integer::sum);
                }
                if (!qr.get("hasMore").asBoolean()) {
                    break;
                }
                morePages++;
            }
        }
        Set<String> expected = g.snapshotsOn(Platform.JD, DAY).stream().map(PagingTest::expectedKey).collect(Collectors.toSet());
        assertThat(seen.keySet()).isEqualTo(expected);
        assertThat(seen.values()).containsOnly(1);
        assertThat(morePages).isPositive();
    }

    @Test
    void pddPagesOfA24HourWindowReturnEachSnapshotOnceWithTotalCount() {
        Instant a = BusinessTime.startOf(DAY);
        Instant b = BusinessTime.endOf(DAY);
        List<String> expected = g.snapshots(Platform.PDD, a, b).stream()
                .map(s -> s.lineId() + "@" + s.updatedAt().getEpochSecond()).toList();
        JsonNode first = client.pddOrders(a, b, 1, 25).get("order_list_get_response");
        long total = first.get("total_count").asLong();
        assertThat(total).isEqualTo(expected.size()).isGreaterThan(50);
        List<String> got = new ArrayList<>();
        for (int page = (int) ((total + 24) / 25); page >= 1; page--) { // last page first, as PDD advises
            List<String> rows = new ArrayList<>();
            client.pddOrders(a, b, page, 25).get("order_list_get_response").get("order_list")
                    .forEach(r -> rows.add(r.get("order_sn").asString() + "@" + r.get("order_modify_at").asLong()));
            got.addAll(0, rows);
        }
        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(server.counters(Platform.PDD).injectedUpdates()).isZero();
    }

    @Test
    void anOrderShowsUpInEveryWindowWhereItChanged() {
        Instant a = BusinessTime.startOf(LocalDate.of(2026, 11, 8));
        Snapshot changedTwice = g.lines(Platform.TAOBAO)
                .filter(l -> l.snapshots().size() >= 2
                        && !BusinessTime.dateOf(l.snapshots().get(1).updatedAt()).isAfter(LocalDate.of(2026, 11, 12))
                        && l.snapshots().get(1).updatedAt().getEpochSecond() / 10_800 != l.snapshots().get(0).updatedAt().getEpochSecond() / 10_800)
                .findFirst().orElseThrow().snapshots().get(1);
        Snapshot first = changedTwice.previous();
        server.resetCounters();
        for (Snapshot s : List.of(first, changedTwice)) {
            Instant w = Instant.ofEpochSecond(s.updatedAt().getEpochSecond() / 60 * 60);
            JsonNode data = client.taobaoOrders(w, w.plusSeconds(60), 1, 100, null, 1).get("tbk_order_details_get_response").get("data");
            List<Integer> statuses = new ArrayList<>();
            data.get("results").get("publisher_order_dto").forEach(r -> {
                if (r.get("trade_id").asString().equals(s.lineId())) {
                    statuses.add(r.get("tk_status").asInt());
                }
            });
            assertThat(statuses).containsExactly(s.statusCode());
        }
        assertThat(server.servedSnapshots(Platform.TAOBAO)).extracting(ServedSnapshot::key)
                .contains(first.key(), changedTwice.key());
        assertThat(server.counters(Platform.TAOBAO).pagesServed()).isEqualTo(2);
        assertThat(a).isBefore(changedTwice.updatedAt());
    }

    @Test
    void refundPagesOfADayReturnEachRefundSnapshotOnce() {
        ScenarioGenerator longer = new ScenarioGenerator(ScenarioSpec.builder().seed(4).users(100).orders(1500)
                .from(LocalDate.of(2026, 10, 1)).to(LocalDate.of(2026, 11, 12)).build());
        SandboxServer server = SandboxServer.builder().scenario(longer).build().start();
        TestClient client = new TestClient(server);
        LocalDate day = longer.days().stream().filter(d -> longer.refundSnapshotsOn(d).size() >= 3).findFirst().orElseThrow();
        List<String> expected = longer.refundSnapshotsOn(day).stream()
                .map(s -> s.lineId() + "@" + s.statusCode() + "@" + BusinessTime.formatLocal(s.updatedAt())).toList();
        List<String> got = new ArrayList<>();
        long total = -1;
        for (int page = 1; got.size() < expected.size() && page < 50; page++) {
            String option = "{\"page_size\":2,\"page_no\":" + page + ",\"search_type\":5,\"refund_type\":0,"
                    + "\"biz_type\":1,\"start_time\":\"" + day + " 00:00:00\"}";
            JsonNode data = TestClient.json(client.post(server.url(Platform.TAOBAO),
                    client.top("taobao.tbk.relation.refund", Map.of("search_option", option))))
                    .get("tbk_relation_refund_response").get("result").get("data");
            total = Long.parseLong(data.get("total_count").asString());
            data.get("results").get("result").forEach(r -> got.add(r.get("tb_trade_id").asLong() + "@"
                    + r.get("refund_status").asInt() + "@" + r.get("modified_time").asString()));
        }
        server.close();
        assertThat(total).isEqualTo(expected.size());
        assertThat(got).containsExactlyElementsOf(expected);
    }

    @Test
    void createTimeQueriesReturnEachLineOnceInItsLatestState() {
        Instant a = BusinessTime.parseLocal("2026-11-09 12:00:00");
        Instant b = a.plusSeconds(3 * 3600);
        Map<String, String> biz = new HashMap<>(Map.of("query_type", "1", "page_size", "100",
                "start_time", BusinessTime.formatLocal(a), "end_time", BusinessTime.formatLocal(b)));
        JsonNode rows = TestClient.json(client.post(server.url(Platform.TAOBAO), client.top("taobao.tbk.order.details.get", biz)))
                .get("tbk_order_details_get_response").get("data").get("results").get("publisher_order_dto");
        Map<String, String> expected = g.lines(Platform.TAOBAO)
                .filter(l -> !l.createdAt().isBefore(a) && l.createdAt().isBefore(b) && !l.snapshots().isEmpty())
                .collect(Collectors.toMap(l -> l.lineId(),
                        l -> BusinessTime.formatLocal(l.snapshots().get(l.snapshots().size() - 1).updatedAt())));
        Map<String, String> got = new HashMap<>();
        rows.forEach(r -> assertThat(got.put(r.get("trade_id").asString(), r.get("modified_time").asString())).isNull());
        assertThat(got).isEqualTo(expected).isNotEmpty();
    }
}
