package io.rebatch.writers.settle;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.Attribution;
import io.rebatch.domain.Level;
import io.rebatch.domain.Platform;
import io.rebatch.writers.OnFullSchema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The batched look-ups of attribution on the real tables: bindings by value, users with two levels of uplines,
 * clicks in a range.
 */
class SettleLookupsTest extends OnFullSchema {
    private final SettleLookups lookups = new SettleLookups(new NamedParameterJdbcTemplate(jdbc));

    @Test
    void bindingsAreKeyedByPlatformKindAndValue() {
        jdbc.update("INSERT INTO tracking_binding VALUES ('TAOBAO', 'RELATION_ID', 'R1', 1),"
                + " ('TAOBAO', 'SPECIAL_ID', 'R1', 2), ('JD', 'SUB_UNION_ID', 'J9', 9)");

        assertThat(lookups.bindings(Set.of("R1"))).isEqualTo(Map.of(
                SettleLookups.bindingKey("TAOBAO", "RELATION_ID", "R1"), 1L,
                SettleLookups.bindingKey("TAOBAO", "SPECIAL_ID", "R1"), 2L));
        assertThat(lookups.bindings(Set.of())).isEmpty();
    }

    @Test
    void usersComeWithTheirInviterAndGrandInviterButNoFurther() {
        // 1 ← invited by 2 ← invited by 3 ← invited by 4; 5 not involved.
        jdbc.update("INSERT INTO app_user VALUES (1, 'VIP', 2, '2026-01-01 00:00:00'),"
                + " (2, 'NORMAL', 3, '2026-01-01 00:00:00'), (3, 'SVIP', 4, '2026-01-01 00:00:00'),"
                + " (4, 'NORMAL', NULL, '2026-01-01 00:00:00'), (5, 'NORMAL', NULL, '2026-01-01 00:00:00')");

        assertThat(lookups.usersWithUplines(List.of(1L))).isEqualTo(Map.of(
                1L, new Attribution.User(1, Level.VIP, 2L), 2L, new Attribution.User(2, Level.NORMAL, 3L),
                3L, new Attribution.User(3, Level.SVIP, 4L)));
    }

    @Test
    void clicksAreThoseOnThePlatformsItemsWithinTheRangeInclusive() {
        jdbc.update("INSERT INTO click VALUES (10, 1, 'TAOBAO', 'I1', 'adz1', '2026-11-25 01:00:00'),"
                + " (11, 1, 'TAOBAO', 'I1', 'adz1', '2026-11-25 03:00:00'),"
                + " (12, 1, 'TAOBAO', 'I1', 'adz1', '2026-11-25 03:00:00.001'),"
                + " (13, 1, 'JD', 'I1', 'adz1', '2026-11-25 02:00:00'),"
                + " (14, 1, 'TAOBAO', 'I2', 'adz1', '2026-11-25 02:00:00')");

        assertThat(lookups.clicks(Platform.TAOBAO, Set.of("I1"), Instant.parse("2026-11-25T01:00:00Z"),
                Instant.parse("2026-11-25T03:00:00Z"))).extracting(Attribution.Click::clickId)
                .containsExactlyInAnyOrder(10L, 11L);
        assertThat(lookups.clicks(Platform.TAOBAO, Set.of(), Instant.EPOCH, Instant.parse("2027-01-01T00:00:00Z"))).isEmpty();
    }
}
