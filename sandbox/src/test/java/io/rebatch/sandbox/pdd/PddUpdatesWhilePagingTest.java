package io.rebatch.sandbox.pdd;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import io.rebatch.sandbox.generator.Snapshot;
import io.rebatch.sandbox.server.SandboxServer;
import io.rebatch.sandbox.server.ServedSnapshot;
import io.rebatch.sandbox.server.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Orders updated while a client pages through a PDD window: paging forward from page 1 misses
 * rows that are in the window when the client is done; paging from the last page back does not.
 */
class PddUpdatesWhilePagingTest {
    static SandboxServer server;
    static TestClient client;
    static final int SIZE = 10;

    @BeforeAll
    static void start() {
        ScenarioGenerator g = new ScenarioGenerator(ScenarioSpec.builder().seed(12).users(200).orders(2500)
                .from(LocalDate.of(2026, 11, 8)).to(LocalDate.of(2026, 11, 12)).build());
        server = SandboxServer.builder().scenario(g).pddUpdatesPerPage(1).build().start();
        client = new TestClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Set<String> rows(JsonNode page) {
        Set<String> out = new HashSet<>();
        page.get("order_list_get_response").get("order_list")
                .forEach(r -> out.add(r.get("order_sn").asString() + "@" + r.get("order_modify_at").asLong()));
        return out;
    }

    private static Set<String> now(Instant a, Instant b) {
        return server.window(Platform.PDD, a, b).stream().map(s -> s.lineId() + "@" + s.updatedAt().getEpochSecond())
                .collect(Collectors.toSet());
    }

    @Test
    void forwardPagingMissesRowsThatBackwardPagingGets() {
        Instant a = BusinessTime.startOf(LocalDate.of(2026, 11, 10));
        Instant b = BusinessTime.endOf(LocalDate.of(2026, 11, 10));
        int realRows = server.generator().snapshots(Platform.PDD, a, b).size();
        assertThat(realRows).as("a window of many pages").isGreaterThan(6 * SIZE);

        // forward: 1, 2, 3, … until a short page
        Set<String> forward = new HashSet<>();
        long total = -1;
        for (int page = 1; ; page++) {
            JsonNode p = client.pddOrders(a, b, page, SIZE);
            if (total < 0) {
                total = p.get("order_list_get_response").get("total_count").asLong();
            }
            Set<String> r = rows(p);
            forward.addAll(r);
            if (r.size() < SIZE) {
                break;
            }
        }
        Set<String> afterForward = now(a, b);
        Set<String> missedForward = new HashSet<>(afterForward);
        missedForward.removeAll(forward);
        assertThat(missedForward).as("rows in the window that the forward pager never saw").isNotEmpty();
        assertThat(server.counters(Platform.PDD).injectedUpdates()).isPositive();

        // backward on the next day's window: page 1 for the count, then last … 1
        Instant c = b;
        Instant d = BusinessTime.endOf(LocalDate.of(2026, 11, 11));
        long before = server.counters(Platform.PDD).injectedUpdates();
        JsonNode first = client.pddOrders(c, d, 1, SIZE);
        long count = first.get("order_list_get_response").get("total_count").asLong();
        Set<String> backward = new HashSet<>(rows(first));
        for (int page = (int) ((count + SIZE - 1) / SIZE); page >= 1; page--) {
            backward.addAll(rows(client.pddOrders(c, d, page, SIZE)));
        }
        assertThat(server.counters(Platform.PDD).injectedUpdates()).as("updates hit the backward pager too")
                .isGreaterThan(before + 3);
        assertThat(backward).containsAll(now(c, d));

        // the made-up rows are logged as simulated, with the real rows they replaced gone from the window
        assertThat(server.servedSnapshots(Platform.PDD)).anyMatch(ServedSnapshot::simulated);
        Set<String> real = server.generator().snapshots(Platform.PDD, c, d).stream()
                .map(s -> s.lineId() + "@" + s.updatedAt().getEpochSecond()).collect(Collectors.toSet());
        assertThat(real).isNotEqualTo(now(c, d));
        assertThat(now(c, d)).hasSameSizeAs(real);
    }

    @Test
    void simulatedUpdatesOnlyRestampAndNeverOvertakeTheOrdersNextRealChange() {
        Instant a = BusinessTime.startOf(LocalDate.of(2026, 11, 9));
        Instant b = BusinessTime.endOf(LocalDate.of(2026, 11, 9));
        for (int page = 1; page <= 6; page++) {
            client.pddOrders(a, b, page, SIZE);
        }
        Set<String> real = server.generator().snapshots(Platform.PDD, a, b).stream().map(Snapshot::key).collect(Collectors.toSet());
        for (Snapshot s : server.window(Platform.PDD, a, b)) {
            assertThat(real).contains(s.key()); // same snapshot (line, sequence), maybe re-stamped
            if (s.nextUpdatedAt() != null) {
                assertThat(s.updatedAt()).isBefore(s.nextUpdatedAt());
            }
        }
    }
}
