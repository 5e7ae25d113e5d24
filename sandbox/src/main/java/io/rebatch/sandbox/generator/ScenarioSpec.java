package io.rebatch.sandbox.generator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to generate: a seed, how many users and order lines, and the business dates
 * {@code [from, to]} (Asia/Shanghai) on which lines are created. The scenario's world ends at the
 * end of {@code to}: no snapshot is updated later than that.
 *
 * @param taobaoExportDays days for which {@link ScenarioWriter} writes the Taobao back-office
 *                         export CSV ({@code taobao-D.csv}, GB18030) instead of the API dump
 */
public record ScenarioSpec(long seed, int users, int orders, LocalDate from, LocalDate to, Set<LocalDate> taobaoExportDays) {
    public static final LocalDate DEFAULT_FROM = LocalDate.of(2026, 10, 1);
    public static final LocalDate DEFAULT_TO = LocalDate.of(2026, 11, 30);

    public ScenarioSpec {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (users < 1) {
            throw new IllegalArgumentException("users must be at least 1, was " + users);
        }
        if (orders < 0) {
            throw new IllegalArgumentException("orders must not be negative, was " + orders);
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to " + to + " is before from " + from);
        }
        if (ChronoUnit.DAYS.between(from, to) > 366) {
            throw new IllegalArgumentException("a scenario spans at most 367 days, " + from + ".." + to + " is longer");
        }
        taobaoExportDays = Set.copyOf(new TreeSet<>(taobaoExportDays == null ? Set.of() : taobaoExportDays));
        for (LocalDate d : taobaoExportDays) {
            if (d.isBefore(from) || d.isAfter(to)) {
                throw new IllegalArgumentException("Taobao export day " + d + " is outside " + from + ".." + to);
            }
        }
    }

    public static ScenarioSpec of(long seed, int users, int orders, LocalDate from, LocalDate to) {
        return new ScenarioSpec(seed, users, orders, from, to, Set.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of business days in the scenario. */
    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Builder with defaults: seed 42, 60 users, 500 lines, 2026-10-01..2026-11-30, no export day. */
    public static final class Builder {
        private long seed = 42;
        private Integer users;
        private int orders = 500;
        private LocalDate from = DEFAULT_FROM;
        private LocalDate to = DEFAULT_TO;
        private final Set<LocalDate> exportDays = new TreeSet<>();

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Number of users; defaults to max(10, orders / 8). */
        public Builder users(int users) {
            this.users = users;
            return this;
        }

        /** Number of order lines, across all platforms. */
        public Builder orders(int orders) {
            this.orders = orders;
            return this;
        }

        public Builder from(LocalDate from) {
            this.from = from;
            return this;
        }

        public Builder to(LocalDate to) {
            this.to = to;
            return this;
        }

        public Builder taobaoExportOn(LocalDate... days) {
            exportDays.addAll(java.util.Arrays.asList(days));
            return this;
        }

        public ScenarioSpec build() {
            int u = users != null ? users : Math.max(10, orders / 8);
            return new ScenarioSpec(seed, u, orders, from, to, exportDays);
        }
    }
}
