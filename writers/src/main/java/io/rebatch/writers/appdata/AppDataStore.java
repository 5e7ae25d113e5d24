package io.rebatch.writers.appdata;

import io.rebatch.domain.Level;
import io.rebatch.domain.Platform;
import io.rebatch.writers.jdbc.SqlTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Upserts the app's data (SPEC 2.2) by id: users, tracking bindings, clicks. A later load of the same id wins. */
public class AppDataStore {
    public record User(long userId, Level level, Long inviterId, Instant registeredAt) {
    }

    public record Binding(Platform platform, String kind, String value, long userId) {
    }

    public record Click(long clickId, long userId, Platform platform, String itemId, String pid, Instant clickedAt) {
    }

    private final JdbcTemplate jdbc;

    public AppDataStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void upsertUsers(List<User> users) {
        List<Object[]> args = new ArrayList<>(users.size());
        for (User u : users) {
            args.add(new Object[] {u.userId(), u.level().name(), u.inviterId(), SqlTime.utc(u.registeredAt())});
        }
        jdbc.batchUpdate("INSERT INTO app_user (user_id, level, inviter_id, registered_at) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE level = VALUES(level), inviter_id = VALUES(inviter_id),"
                + " registered_at = VALUES(registered_at)", args);
    }

    /**
     * The stored inviter of each of {@code userIds} that exists: user → inviter id, 0 when it has none. One query;
     * callers batch (an IN list of up to a thousand ids).
     */
    public Map<Long, Long> inviters(Collection<Long> userIds) {
        Map<Long, Long> out = new HashMap<>();
        if (userIds.isEmpty()) {
            return out;
        }
        String in = String.join(",", java.util.Collections.nCopies(userIds.size(), "?"));
        jdbc.query("SELECT user_id, inviter_id FROM app_user WHERE user_id IN (" + in + ")", rs -> {
            long inviter = rs.getLong(2);
            out.put(rs.getLong(1), rs.wasNull() ? 0L : inviter);
        }, userIds.toArray());
        return out;
    }

    public void upsertBindings(List<Binding> bindings) {
        List<Object[]> args = new ArrayList<>(bindings.size());
        for (Binding b : bindings) {
            args.add(new Object[] {b.platform().name(), b.kind(), b.value(), b.userId()});
        }
        jdbc.batchUpdate("INSERT INTO tracking_binding (platform, kind, binding_value, user_id) VALUES (?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE user_id = VALUES(user_id)", args);
    }

    public void upsertClicks(List<Click> clicks) {
        List<Object[]> args = new ArrayList<>(clicks.size());
        for (Click c : clicks) {
            args.add(new Object[] {c.clickId(), c.userId(), c.platform().name(), c.itemId(), c.pid(),
                    SqlTime.utc(c.clickedAt())});
        }
        jdbc.batchUpdate("INSERT INTO click (click_id, user_id, platform, item_id, pid, clicked_at) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE user_id = VALUES(user_id), platform = VALUES(platform),"
                + " item_id = VALUES(item_id), pid = VALUES(pid), clicked_at = VALUES(clicked_at)", args);
    }
}
