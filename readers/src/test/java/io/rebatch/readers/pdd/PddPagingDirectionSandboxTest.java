package io.rebatch.readers.pdd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.readers.api.FakeTime;
import io.rebatch.readers.api.SandboxKeys;
import io.rebatch.readers.api.TimeWindow;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import io.rebatch.sandbox.server.SandboxServer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pinduoduo's "page backwards" rule, shown against the sandbox, which makes orders change while a client pages (each
 * change lifts an order from a page already served to a later place, so the rows behind it slide one place up).
 * The same completeness check passes for backward paging and fails for forward paging.
 */
class PddPagingDirectionSandboxTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final TimeWindow WINDOW = new TimeWindow(BusinessTime.startOf(DAY), BusinessTime.endOf(DAY));
    static ScenarioGenerator g;

    @BeforeAll
    static void scenario() {
        g = new ScenarioGenerator(ScenarioSpec.builder().seed(5).orders(6000)
                .from(LocalDate.of(2026, 11, 1)).to(LocalDate.of(2026, 11, 25)).build());
    }

    record Pulled(List<String> bodies, Set<String> keys, Set<String> windowNow, long injectedUpdates) {
    }

    /** One fresh sandbox (its simulated changes are its own), one pull of the day in the given direction. */
    static Pulled pull(PddOrderPull.Direction direction) {
        try (SandboxServer server = SandboxServer.builder().scenario(g).seed(5).pddUpdatesPerPage(1).build().start()) {
            PddSettings s = PddSettingsBuilder.builder().endpoint(server.url(Platform.PDD)).clientId("pdd-client").clientSecret("pdd-secret")
                    .pageSize(10).build();
            PddOrderPull pull = new PddOrderPull(s, new FakeTime().runtime()
                    .clock(Clock.fixed(Instant.parse("2026-11-21T02:00:00Z"), ZoneOffset.UTC)).build(), direction);
            List<String> bodies = new ArrayList<>();
            pull.pull(WINDOW, (body, page) -> bodies.add(body));
            Set<String> keys = new HashSet<>();
            bodies.forEach(b -> keys.addAll(SandboxKeys.rowKeys(Platform.PDD, PddOrderPull.METHOD, b)));
            return new Pulled(bodies, keys, SandboxKeys.keys(server.window(Platform.PDD, WINDOW.start(), WINDOW.end())),
                    server.counters(Platform.PDD).injectedUpdates());
        }
    }

    static void assertNothingMissed(Pulled p) {
        assertThat(p.injectedUpdates()).as("orders changed during paging").isPositive();
        Set<String> missed = new HashSet<>(p.windowNow());
        missed.removeAll(p.keys());
        assertThat(missed).as("snapshots the window holds that the pull never saw").isEmpty();
    }

    @Test
    void backwardPagingMissesNothing() {
        Pulled p = pull(PddOrderPull.Direction.BACKWARD);
        assertThat(p.windowNow()).hasSizeGreaterThan(200);
        assertNothingMissed(p);
    }

    @Test
    void forwardPagingMissesRows() {
        Pulled p = pull(PddOrderPull.Direction.FORWARD);
        assertThatThrownBy(() -> assertNothingMissed(p)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the pull never saw");
    }

    @Test
    void theFirstPageMustBeReadAgainAtTheEnd() {
        Pulled p = pull(PddOrderPull.Direction.BACKWARD);
        List<String> bodies = p.bodies();
        Set<String> onlyInLastPageOne = new HashSet<>(SandboxKeys.rowKeys(Platform.PDD, PddOrderPull.METHOD, bodies.get(bodies.size() - 1)));
        for (String b : bodies.subList(0, bodies.size() - 1)) {
            onlyInLastPageOne.removeAll(SandboxKeys.rowKeys(Platform.PDD, PddOrderPull.METHOD, b));
        }
        assertThat(onlyInLastPageOne).as("rows that slid onto page 1 during the pass, though total_count did not change")
                .isNotEmpty();
    }
}
