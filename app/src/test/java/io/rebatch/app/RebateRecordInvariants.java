package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What "rebate_record is true" means (SPEC 8, issue 8), recomputed independently of the settle job: for every
 * line_settlement row and every role with a beneficiary (buyer_id / inviter_id / grand_inviter_id) exactly one
 * record, with that user, the line's buyer, that role's share, the line's bucket (INVALID without one) and the
 * order line's item_title / created_at / settled_at; and no other record. Checked on H2 and MariaDB alike.
 */
final class RebateRecordInvariants {
    private static final String[][] ROLES = {{"BUYER", "buyer_id", "buyer_fen"},
            {"INVITER", "inviter_id", "inviter_fen"}, {"GRAND_INVITER", "grand_inviter_id", "grand_inviter_fen"}};
    private static final int LIMIT = 15;

    private RebateRecordInvariants() {
    }

    static void assertHold(String jdbcUrl) {
        assertThat(violations(jdbcUrl)).as("rebate records that differ from line_settlement JOIN order_line").isEmpty();
    }

    static List<String> violations(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            return violations(s);
        } catch (SQLException e) {
            return List.of("cannot check the rebate records: " + e.getMessage());
        }
    }

    /** Each violation one line: a missing, an unexpected or a different record (at most {@value #LIMIT}). */
    static List<String> violations(Statement s) throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        for (String[] role : ROLES) {
            read(s, "SELECT s.platform, s.order_line_id, '" + role[0] + "', s." + role[1] + ", s.buyer_id,"
                    + " COALESCE(s.bucket, 'INVALID'), s." + role[2] + ", o.item_title, o.created_at, o.settled_at"
                    + " FROM line_settlement s JOIN order_line o ON o.platform = s.platform"
                    + " AND o.order_line_id = s.order_line_id WHERE s.buyer_id IS NOT NULL AND s." + role[1]
                    + " IS NOT NULL", expected, null);
        }
        Map<String, String> actual = new TreeMap<>();
        List<String> out = new ArrayList<>();
        read(s, "SELECT platform, order_line_id, role, user_id, buyer_id, status, amount_fen, item_title, created_at,"
                + " settled_at FROM rebate_record", actual, out);
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String k : keys) {
            String e = expected.get(k);
            String a = actual.get(k);
            if (!Objects.equals(e, a)) {
                add(out, "record " + k + ": expected " + (e == null ? "none" : e) + ", stored " + (a == null ? "none" : a));
            }
        }
        return out;
    }

    /** Rows keyed by platform|order_line_id|role; a key read twice is reported into {@code duplicates}. */
    private static void read(Statement s, String sql, Map<String, String> into, List<String> duplicates)
            throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String key = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3).trim();
                StringBuilder v = new StringBuilder();
                for (int i = 4; i <= 10; i++) {
                    v.append(i > 4 ? "|" : "").append(rs.getString(i));
                }
                if (into.put(key, v.toString()) != null && duplicates != null) {
                    add(duplicates, "record " + key + " is stored twice");
                }
            }
        }
    }

    private static void add(List<String> out, String violation) {
        if (out.size() < LIMIT) {
            out.add(violation);
        } else if (out.size() == LIMIT) {
            out.add("... (more)");
        }
    }
}
