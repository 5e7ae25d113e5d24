package io.rebatch.app.serve;

import io.rebatch.api.json.ApiTime;
import io.rebatch.domain.Money;
import io.rebatch.writers.jdbc.SqlTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Rebate records ({@code rebate_record}) a test writes itself, as the settle job will once it maintains the table:
 * for synthetic users, and with order line ids starting {@value #PREFIX} so the sample's cross-checks can tell them
 * apart. {@link #NEWEST_FIRST} is the order SPEC 8 promises, with the ties broken as the API's keyset does.
 */
final class Records {
    static final String PREFIX = "IT-";
    static final List<String> PLATFORMS = List.of("TAOBAO", "JD", "PDD");
    static final List<String> STATUSES = List.of("PENDING", "AVAILABLE", "INVALID");

    /** One record as stored. */
    record Rec(String platform, String orderLineId, String role, long userId, long buyerId, String status,
               long amountFen, String itemTitle, Instant createdAt, Instant settledAt) {
        /** What the API shows of it, field by field as SPEC 8 names them. */
        String expectedJson() {
            return "{\"platform\":\"" + platform + "\",\"order_line_id\":\"" + orderLineId + "\",\"role\":\"" + role
                    + "\",\"status\":\"" + status + "\",\"amount_fen\":" + amountFen + ",\"amount_yuan\":\""
                    + Money.formatYuan(amountFen) + "\",\"item_title\":" + (itemTitle == null ? "null"
                    : ApiClient.JSON.writeValueAsString(itemTitle)) + ",\"created_at\":\"" + ApiTime.format(createdAt)
                    + "\",\"settled_at\":" + (settledAt == null ? "null" : "\"" + ApiTime.format(settledAt) + "\"") + "}";
        }

        String key() {
            return platform + "/" + orderLineId + "/" + role;
        }
    }

    static final Comparator<Rec> NEWEST_FIRST = Comparator.comparing(Rec::createdAt)
            .thenComparing(Rec::platform).thenComparing(Rec::orderLineId).thenComparing(Rec::role).reversed();

    private Records() {
    }

    /**
     * {@code n} BUYER records of one user: created at random instants of Oct–Nov 2026 with millisecond parts, a
     * third of them sharing an instant with another (ties are ordered by platform, line, role); random status and
     * amount; some titles null or non-ASCII.
     */
    static List<Rec> buyer(Random random, long userId, int n) {
        List<Rec> out = new ArrayList<>();
        Instant base = Instant.parse("2026-10-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            Instant created = i > 0 && random.nextInt(3) == 0 ? out.get(random.nextInt(i)).createdAt()
                    : base.plusMillis(random.nextLong(61L * 24 * 3600 * 1000));
            String status = STATUSES.get(random.nextInt(3));
            Instant settled = "PENDING".equals(status) && random.nextBoolean() ? null
                    : created.plusSeconds(3600 + random.nextInt(10 * 24 * 3600));
            String title = switch (random.nextInt(4)) {
                case 0 -> null;
                case 1 -> "夏季女装 连衣裙 #" + i;
                default -> "item " + i;
            };
            out.add(new Rec(PLATFORMS.get(random.nextInt(3)), lineId(random), "BUYER", userId, userId,
                    status, random.nextInt(100_000), title, created, settled));
        }
        return out;
    }

    /** A line id of {@value #PREFIX} and 12 random letters and digits: it names no user, unlike the sample's. */
    static String lineId(Random random) {
        StringBuilder sb = new StringBuilder(PREFIX);
        for (int i = 0; i < 12; i++) {
            sb.append("0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".charAt(random.nextInt(34)));
        }
        return sb.toString();
    }

    /** The record of {@code beneficiary} in {@code role} for the same line as {@code buyerRecord}. */
    static Rec sameLine(Rec buyerRecord, String role, long beneficiary, long amountFen) {
        return new Rec(buyerRecord.platform(), buyerRecord.orderLineId(), role, beneficiary, buyerRecord.buyerId(),
                buyerRecord.status(), amountFen, buyerRecord.itemTitle(), buyerRecord.createdAt(),
                buyerRecord.settledAt());
    }

    /** Whether a test already seeded records of the user (the tests share a database; each seeds once). */
    static boolean seeded(String jdbcUrl, long userId) {
        return !io.rebatch.app.LedgerInvariants.rows(jdbcUrl, "SELECT COUNT(*) FROM rebate_record WHERE user_id = "
                + userId + " AND order_line_id LIKE '" + PREFIX + "%'").equals(List.of("0"));
    }

    static void insert(String jdbcUrl, List<Rec> records) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO rebate_record (platform, order_line_id, role, user_id, buyer_id, status, amount_fen,"
                        + " item_title, created_at, settled_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Rec r : records) {
                ps.setString(1, r.platform());
                ps.setString(2, r.orderLineId());
                ps.setString(3, r.role());
                ps.setLong(4, r.userId());
                ps.setLong(5, r.buyerId());
                ps.setString(6, r.status());
                ps.setLong(7, r.amountFen());
                ps.setString(8, r.itemTitle());
                ps.setObject(9, SqlTime.utc(r.createdAt()));
                ps.setObject(10, SqlTime.utc(r.settledAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot seed rebate records: " + e.getMessage(), e);
        }
    }

    /** The user's records in the API's order, optionally only one status. */
    static List<Rec> expected(List<Rec> all, long userId, String status) {
        Predicate<Rec> mine = r -> r.userId() == userId && (status == null || status.equals(r.status()));
        return all.stream().filter(mine).sorted(NEWEST_FIRST).toList();
    }
}
