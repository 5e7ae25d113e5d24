package io.rebatch.writers.settle;

import io.rebatch.domain.Attribution;
import io.rebatch.domain.Level;
import io.rebatch.domain.Platform;
import io.rebatch.writers.jdbc.SqlTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The batched look-ups attribution needs for one chunk: one query per kind of data for the whole chunk, never
 * one per line. Only data already loaded counts (SPEC 4).
 */
public class SettleLookups {
    private final NamedParameterJdbcTemplate jdbc;

    public SettleLookups(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Bindings by (platform, kind, value) for the given values. */
    public Map<String, Long> bindings(Collection<String> values) {
        Map<String, Long> out = new HashMap<>();
        if (values.isEmpty()) {
            return out;
        }
        jdbc.query("SELECT platform, kind, binding_value, user_id FROM tracking_binding WHERE binding_value IN (:v)",
                new MapSqlParameterSource("v", values),
                rs -> {
                    out.put(bindingKey(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
                });
        return out;
    }

    public static String bindingKey(String platform, String kind, String value) {
        return platform + '\u0000' + kind + '\u0000' + value;
    }

    /** Users by id, plus their inviters and grand-inviters, so locking needs no further query. */
    public Map<Long, Attribution.User> usersWithUplines(Collection<Long> ids) {
        Map<Long, Attribution.User> out = new HashMap<>();
        Set<Long> wanted = new HashSet<>(ids);
        for (int depth = 0; depth < 3 && !wanted.isEmpty(); depth++) {
            List<Attribution.User> found = new ArrayList<>();
            jdbc.query("SELECT user_id, level, inviter_id FROM app_user WHERE user_id IN (:ids)",
                    new MapSqlParameterSource("ids", wanted),
                    rs -> {
                        found.add(new Attribution.User(rs.getLong(1), Level.valueOf(rs.getString(2)),
                                SqlTime.nullableLong(rs, "inviter_id")));
                    });
            wanted = new HashSet<>();
            for (Attribution.User u : found) {
                out.put(u.userId(), u);
            }
            for (Attribution.User u : found) {
                if (u.inviterId() != null && !out.containsKey(u.inviterId())) {
                    wanted.add(u.inviterId());
                }
            }
        }
        return out;
    }

    /** Clicks on the platform for the given items with clicked_at in [from, to]. */
    public List<Attribution.Click> clicks(Platform platform, Collection<String> itemIds, Instant from, Instant to) {
        List<Attribution.Click> out = new ArrayList<>();
        if (itemIds.isEmpty()) {
            return out;
        }
        jdbc.query("SELECT click_id, user_id, item_id, pid, clicked_at FROM click USE INDEX (idx_click_item_first) WHERE item_id IN (:items)"
                        + " AND platform = :p AND clicked_at >= :from AND clicked_at <= :to",
                new MapSqlParameterSource("p", platform.name()).addValue("items", itemIds)
                        .addValue("from", SqlTime.utc(from)).addValue("to", SqlTime.utc(to)),
                rs -> {
                    out.add(new Attribution.Click(rs.getLong(1), rs.getLong(2), platform, rs.getString(3),
                            rs.getString(4), SqlTime.instant(rs, "clicked_at")));
                });
        return out;
    }
}
