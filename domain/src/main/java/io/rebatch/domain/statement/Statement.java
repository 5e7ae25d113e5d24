package io.rebatch.domain.statement;

import io.rebatch.domain.Platform;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.TreeMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What finance's statement files say about month M, per platform: a total (settled income and line count) and/or
 * detail rows, one per line with that line's settled income. Several total rows of one platform add up (a
 * statement may split a platform, e.g. per sub-account); a second detail row for the same line is refused, since
 * counting a line twice would hide a difference. Holds the detail rows sorted by id as two arrays (the one part of
 * a reconciliation that is held in memory); never does I/O.
 */
public final class Statement {
    /** A platform total. */
    public record Total(long settledIncomeFen, long lineCount) {
    }

    private final YearMonth month;
    private final Map<Platform, Total> totals;
    private final Map<Platform, Details> details;

    /** A platform's detail rows, ids ascending ({@link String#compareTo}), incomes at the same index. */
    public record Details(String[] orderLineIds, long[] settledIncomeFen, long sumFen) {
        public int size() {
            return orderLineIds.length;
        }
    }

    private Statement(YearMonth month, Map<Platform, Total> totals, Map<Platform, Details> details) {
        this.month = month;
        this.totals = totals;
        this.details = details;
    }

    public static Builder builder(YearMonth month) {
        return new Builder(month);
    }

    public YearMonth month() {
        return month;
    }

    /** Whether the statement says anything about the platform (a total or a detail row). */
    public boolean mentions(Platform p) {
        return totals.containsKey(p) || details.containsKey(p);
    }

    public Optional<Total> total(Platform p) {
        return Optional.ofNullable(totals.get(p));
    }

    public Optional<Details> details(Platform p) {
        return Optional.ofNullable(details.get(p));
    }

    /** Collects rows; the reader names the file and line of a row it refuses. */
    public static final class Builder {
        private final YearMonth month;
        private final Map<Platform, long[]> totals = new TreeMap<>();
        private final Map<Platform, Map<String, Long>> details = new TreeMap<>();

        private Builder(YearMonth month) {
            this.month = Objects.requireNonNull(month, "month");
        }

        public Builder total(Platform p, long settledIncomeFen, long lineCount) {
            long[] t = totals.computeIfAbsent(p, k -> new long[2]);
            t[0] = Math.addExact(t[0], settledIncomeFen);
            t[1] = Math.addExact(t[1], lineCount);
            return this;
        }

        /** @throws IllegalArgumentException when the statement already has a detail row for this line */
        public Builder detail(Platform p, String orderLineId, long settledIncomeFen) {
            Long before = details.computeIfAbsent(p, k -> new HashMap<>()).putIfAbsent(orderLineId, settledIncomeFen);
            if (before != null) {
                throw new IllegalArgumentException("a second detail row for " + p + " order_line_id " + orderLineId);
            }
            return this;
        }

        public Statement build() {
            Map<Platform, Total> t = new TreeMap<>();
            totals.forEach((p, v) -> t.put(p, new Total(v[0], v[1])));
            Map<Platform, Details> d = new TreeMap<>();
            details.forEach((p, rows) -> {
                String[] ids = rows.keySet().toArray(String[]::new);
                Arrays.sort(ids);
                long[] fen = new long[ids.length];
                long sum = 0;
                for (int i = 0; i < ids.length; i++) {
                    fen[i] = rows.get(ids[i]);
                    sum = Math.addExact(sum, fen[i]);
                }
                d.put(p, new Details(ids, fen, sum));
            });
            return new Statement(month, t, d);
        }
    }
}
