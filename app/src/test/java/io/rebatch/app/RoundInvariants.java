package io.rebatch.app;

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
 * What "no line posted twice" means, read straight from the tables (SPEC 5, 9): for every line, role and bucket
 * the ledger holds exactly what {@code line_settlement} says is posted, and per role no more than the line's
 * share; {@code user_balance} is the per-user sum of the user legs; every posting's two legs cancel out and all
 * entries sum to zero; no (entry_key, leg) twice; rebate_record agrees with the settlement (RebateRecordInvariants).
 * Each method returns the violations, one line each.
 */
final class RoundInvariants {
    private static final String[] ROLES = {"BUYER", "INVITER", "GRAND_INVITER"};
    private static final String[] LINE_BUCKETS = {"PENDING", "AVAILABLE"};
    private static final String[] BALANCE_BUCKETS = {"PENDING", "AVAILABLE", "WITHDRAWING", "PAID"};
    private static final int LIMIT = 15;

    private RoundInvariants() {
    }

    /** All violations in the database at {@code jdbcUrl}, at most {@value #LIMIT} per kind. */
    static List<String> violations(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            List<String> out = new ArrayList<>();
            out.addAll(linesAgainstSettlement(s));
            out.addAll(balancesAgainstEntries(s));
            out.addAll(legs(s));
            out.addAll(RebateRecordInvariants.violations(s));
            return out;
        } catch (SQLException e) {
            return List.of("cannot check the invariants: " + e.getMessage());
        }
    }

    /** user_id,pending,available,withdrawing,paid of every user with a non-zero balance, by user id. */
    static List<String> balances(String jdbcUrl) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT user_id, pending_fen, available_fen, withdrawing_fen, paid_fen"
                     + " FROM user_balance ORDER BY user_id")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                long[] v = {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
                if (v[0] != 0 || v[1] != 0 || v[2] != 0 || v[3] != 0) {
                    out.add(rs.getLong(1) + "," + v[0] + "," + v[1] + "," + v[2] + "," + v[3]);
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read user_balance: " + e.getMessage(), e);
        }
    }

    /** Per user whose row differs: {@code user 12: reference 1,2,0,0 actual 1,4,0,0}; empty when equal. */
    static List<String> balanceDifferences(List<String> reference, List<String> actual) {
        Map<String, String> ref = byUser(reference);
        Map<String, String> act = byUser(actual);
        TreeSet<String> users = new TreeSet<>((a, b) -> Long.compare(Long.parseLong(a), Long.parseLong(b)));
        users.addAll(ref.keySet());
        users.addAll(act.keySet());
        List<String> out = new ArrayList<>();
        for (String u : users) {
            if (!Objects.equals(ref.get(u), act.get(u))) {
                out.add("user " + u + " (pending,available,withdrawing,paid): reference " + ref.getOrDefault(u, "none")
                        + ", actual " + act.getOrDefault(u, "none"));
            }
        }
        return out;
    }

    private static Map<String, String> byUser(List<String> rows) {
        Map<String, String> m = new TreeMap<>();
        for (String r : rows) {
            int comma = r.indexOf(',');
            m.put(r.substring(0, comma), r.substring(comma + 1));
        }
        return m;
    }

    private static List<String> linesAgainstSettlement(Statement s) throws SQLException {
        Map<String, Long> ledger = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("SELECT platform, order_line_id, role, bucket, SUM(amount_fen) FROM ledger_entry"
                + " WHERE leg = 1 AND ref_type = 'LINE' GROUP BY platform, order_line_id, role, bucket")) {
            while (rs.next()) {
                ledger.put(rs.getString(1) + ":" + rs.getString(2) + " " + rs.getString(3) + "/" + rs.getString(4),
                        rs.getLong(5));
            }
        }
        Map<String, Long> settlement = new TreeMap<>();
        Map<String, Long> shares = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("SELECT platform, order_line_id, buyer_pending_fen, buyer_available_fen,"
                + " inviter_pending_fen, inviter_available_fen, grand_pending_fen, grand_available_fen,"
                + " buyer_fen, inviter_fen, grand_inviter_fen FROM line_settlement")) {
            while (rs.next()) {
                String line = rs.getString(1) + ":" + rs.getString(2);
                for (int r = 0; r < 3; r++) {
                    for (int b = 0; b < 2; b++) {
                        settlement.put(line + " " + ROLES[r] + "/" + LINE_BUCKETS[b], rs.getLong(3 + 2 * r + b));
                    }
                    shares.put(line + " " + ROLES[r], rs.getLong(9 + r));
                }
            }
        }
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(ledger.keySet());
        keys.addAll(settlement.keySet());
        Map<String, Long> postedPerRole = new TreeMap<>();
        for (String k : keys) {
            long inLedger = ledger.getOrDefault(k, 0L);
            postedPerRole.merge(k.substring(0, k.lastIndexOf('/')), inLedger, Long::sum);
            Long recorded = settlement.get(k);
            if (recorded == null ? inLedger != 0 : recorded != inLedger) {
                add(out, "line " + k + ": ledger holds " + inLedger + " fen, line_settlement records "
                        + (recorded == null ? "no row" : recorded + " fen"));
            }
        }
        for (Map.Entry<String, Long> e : postedPerRole.entrySet()) {
            long share = shares.getOrDefault(e.getKey(), 0L);
            if (Math.abs(e.getValue()) > Math.abs(share)) {
                add(out, "line " + e.getKey() + ": ledger holds " + e.getValue() + " fen in total, more than the share of "
                        + share + " fen (posted twice)");
            }
        }
        return out;
    }

    private static List<String> balancesAgainstEntries(Statement s) throws SQLException {
        Map<Long, long[]> entries = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("SELECT user_id, bucket, SUM(amount_fen) FROM ledger_entry"
                + " WHERE leg = 1 AND user_id IS NOT NULL GROUP BY user_id, bucket")) {
            while (rs.next()) {
                entries.computeIfAbsent(rs.getLong(1), u -> new long[4])[List.of(BALANCE_BUCKETS).indexOf(rs.getString(2))]
                        += rs.getLong(3);
            }
        }
        Map<Long, long[]> balances = new TreeMap<>();
        try (ResultSet rs = s.executeQuery("SELECT user_id, pending_fen, available_fen, withdrawing_fen, paid_fen"
                + " FROM user_balance")) {
            while (rs.next()) {
                balances.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        }
        List<String> out = new ArrayList<>();
        TreeSet<Long> users = new TreeSet<>(entries.keySet());
        users.addAll(balances.keySet());
        for (Long u : users) {
            long[] e = entries.getOrDefault(u, new long[4]);
            long[] b = balances.getOrDefault(u, new long[4]);
            if (!java.util.Arrays.equals(e, b)) {
                add(out, "user " + u + ": user_balance " + java.util.Arrays.toString(b) + " but the entries sum to "
                        + java.util.Arrays.toString(e) + " (pending, available, withdrawing, paid)");
            }
        }
        return out;
    }

    private static List<String> legs(Statement s) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT COALESCE(SUM(amount_fen), 0) FROM ledger_entry")) {
            rs.next();
            if (rs.getLong(1) != 0) {
                out.add("all ledger entries sum to " + rs.getLong(1) + " fen, not 0");
            }
        }
        try (ResultSet rs = s.executeQuery("SELECT entry_key, COUNT(*), SUM(amount_fen) FROM ledger_entry GROUP BY entry_key"
                + " HAVING COUNT(*) <> 2 OR SUM(amount_fen) <> 0 ORDER BY entry_key")) {
            while (rs.next()) {
                add(out, "entry " + rs.getString(1) + " has " + rs.getLong(2) + " legs summing to " + rs.getLong(3) + " fen");
            }
        }
        return out;
    }

    private static void add(List<String> out, String violation) {
        if (out.size() < LIMIT) {
            out.add(violation);
        } else if (out.size() == LIMIT) {
            out.add("... (more)");
        }
    }
}
