package io.rebatch.domain.statement;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.LineStatus;
import io.rebatch.domain.Platform;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The statement reconciliation rule of SPEC 6: per platform, the statement's settled income and line count
 * against rebatch's SETTLED lines of month M (settled income before refunds), and the lines that explain the
 * difference. A mismatch is reported, never corrected.
 *
 * <ul>
 *   <li>Statement side: the platform's total, or the sum of its detail rows when it gives none. When it gives both
 *       and they disagree (income or count), a {@link Difference#DETAILS_DIFFER_FROM_TOTAL} row is reported and the
 *       platform is a MISMATCH whatever rebatch holds.</li>
 *   <li>With detail rows the explanation is exact, by a sort-merge of rebatch's lines (ascending
 *       {@code order_line_id}, {@link String#compareTo}, which the caller must deliver) with the detail rows:
 *       {@link Difference#NOT_IN_STATEMENT}, {@link Difference#NOT_IN_REBATCH} (with what rebatch knows of the
 *       line, looked up in batches of {@value #LOOKUP_BATCH} only where a detail row found no partner),
 *       {@link Difference#AMOUNT_DIFFERS}.</li>
 *   <li>With totals only no line can be named for sure: for a MISMATCH platform {@link #candidates} lists rebatch's
 *       lines a platform plausibly counts differently ({@link Difference#CANDIDATE_BOUNDARY},
 *       {@link Difference#CANDIDATE_REFUND}), in a second pass over the same lines.</li>
 *   <li>A platform the statement does not mention gets its summary row (statement 0) and no lines: the missing
 *       statement is the explanation, and listing every line of the month would bury it.</li>
 * </ul>
 *
 * <p>Memory: the statement's detail rows, one lookup batch and counters; rebatch's lines stream through. Rows come
 * out in (order_line_id, difference) order per platform.
 */
public final class StatementComparison {
    public static final int LOOKUP_BATCH = 500;

    /** What rebatch knows of the given lines of a platform, by exact id; ids it does not know are absent. */
    @FunctionalInterface
    public interface KnownLines {
        Map<String, KnownLine> find(Platform platform, List<String> orderLineIds);
    }

    private final YearMonth month;
    private final Statement statement;

    public StatementComparison(Statement statement) {
        this.statement = statement;
        this.month = statement.month();
    }

    /**
     * Pass one over platform {@code p}: rebatch's SETTLED lines of M of that platform in ascending id order.
     * Writes the exact differences (detail statements) to {@code out} in order.
     *
     * @return the summary row, or empty when neither side has anything for the platform
     * @throws IllegalStateException when the lines are not of {@code p} or not in ascending id order
     */
    public Optional<PlatformResult> compare(Platform p, Iterator<RebatchLine> lines, KnownLines known,
                                            Consumer<LineDifference> out) {
        Optional<Statement.Total> total = statement.total(p);
        Statement.Details details = statement.details(p).orElse(null);
        boolean disagree = false;
        if (total.isPresent() && details != null) {
            long t = total.get().settledIncomeFen();
            disagree = details.sumFen() != t || details.size() != total.get().lineCount();
            if (disagree) {
                out.accept(new LineDifference(p, null, Difference.DETAILS_DIFFER_FROM_TOTAL, null, null, null,
                        details.sumFen(), Math.subtractExact(details.sumFen(), t)));
            }
        }
        Merge merge = new Merge(p, details, known, out);
        long rebatchFen = 0;
        long rebatchLines = 0;
        Order order = new Order(p);
        while (lines.hasNext()) {
            RebatchLine r = lines.next();
            order.check(r);
            rebatchFen = Math.addExact(rebatchFen, r.settledIncomeFen());
            rebatchLines++;
            merge.rebatch(r);
        }
        merge.finish();
        if (!statement.mentions(p) && rebatchLines == 0) {
            return Optional.empty();
        }
        long statementFen = total.map(Statement.Total::settledIncomeFen).orElse(details == null ? 0 : details.sumFen());
        long statementLines = total.map(Statement.Total::lineCount).orElse(details == null ? 0L : details.size());
        return Optional.of(new PlatformResult(p, month, statementFen, rebatchFen, statementLines, rebatchLines, disagree));
    }

    /** Whether {@link #candidates} should run for this result: a mismatch of a platform the statement totals only. */
    public boolean needsCandidates(PlatformResult r) {
        Platform p = r.platform();
        return r.status() == PlatformResult.Status.MISMATCH && statement.mentions(p) && statement.details(p).isEmpty();
    }

    /** Pass two over a totals-only MISMATCH platform: the candidate lines, in order. */
    public void candidates(Platform p, Iterator<RebatchLine> lines, Consumer<LineDifference> out) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Order order = new Order(p);
        while (lines.hasNext()) {
            RebatchLine r = lines.next();
            order.check(r);
            LocalDate settledOn = BusinessTime.dateOf(r.settledAt());
            if (settledOn.equals(first) || settledOn.equals(last)) {
                out.accept(rebatchOnly(r, Difference.CANDIDATE_BOUNDARY, null));
            }
            if (r.hasRefundSnapshot()) {
                out.accept(rebatchOnly(r, Difference.CANDIDATE_REFUND, null));
            }
        }
    }

    private static LineDifference rebatchOnly(RebatchLine r, Difference d, Long diff) {
        return new LineDifference(r.platform(), r.orderLineId(), d, LineStatus.SETTLED,
                BusinessTime.dateOf(r.settledAt()), r.settledIncomeFen(), null, diff);
    }

    /** Refuses input the merge would get wrong: another platform, or ids not strictly ascending. */
    private static final class Order {
        private final Platform platform;
        private String previous;

        Order(Platform platform) {
            this.platform = platform;
        }

        void check(RebatchLine r) {
            if (!r.platform().equals(platform)) {
                throw new IllegalStateException("a " + r.platform() + " line among the " + platform + " lines");
            }
            if (previous != null && previous.compareTo(r.orderLineId()) >= 0) {
                throw new IllegalStateException(platform + " lines are not in ascending order_line_id order ("
                        + r.orderLineId() + " after " + previous + ")");
            }
            previous = r.orderLineId();
        }
    }

    /** The sort-merge of one platform's rebatch lines with its detail rows (a no-op without detail rows). */
    private static final class Merge {
        private final Platform platform;
        private final Statement.Details details;
        private final KnownLines known;
        private final Consumer<LineDifference> out;
        private int next;
        private int batchEnd;
        private Map<String, KnownLine> batch = Map.of();

        Merge(Platform platform, Statement.Details details, KnownLines known, Consumer<LineDifference> out) {
            this.platform = platform;
            this.details = details;
            this.known = known;
            this.out = out;
        }

        void rebatch(RebatchLine r) {
            if (details == null) {
                return;
            }
            String[] ids = details.orderLineIds();
            while (next < ids.length && ids[next].compareTo(r.orderLineId()) < 0) {
                notInRebatch(next++);
            }
            if (next < ids.length && ids[next].equals(r.orderLineId())) {
                long s = details.settledIncomeFen()[next++];
                if (s != r.settledIncomeFen()) {
                    out.accept(new LineDifference(platform, r.orderLineId(), Difference.AMOUNT_DIFFERS,
                            LineStatus.SETTLED, BusinessTime.dateOf(r.settledAt()), r.settledIncomeFen(), s,
                            Math.subtractExact(s, r.settledIncomeFen())));
                }
            } else {
                out.accept(rebatchOnly(r, Difference.NOT_IN_STATEMENT, -r.settledIncomeFen()));
            }
        }

        void finish() {
            if (details != null) {
                while (next < details.size()) {
                    notInRebatch(next++);
                }
            }
        }

        private void notInRebatch(int i) {
            String id = details.orderLineIds()[i];
            long s = details.settledIncomeFen()[i];
            KnownLine k = knownLine(i);
            out.accept(new LineDifference(platform, id, Difference.NOT_IN_REBATCH, k == null ? null : k.status(),
                    k == null || k.settledAt() == null ? null : BusinessTime.dateOf(k.settledAt()), null, s, s));
        }

        /** Looks detail rows up batch by batch, only when one of them found no partner. */
        private KnownLine knownLine(int i) {
            if (i >= batchEnd) {
                batchEnd = Math.min(details.size(), i + LOOKUP_BATCH);
                batch = known.find(platform, Arrays.asList(details.orderLineIds()).subList(i, batchEnd));
            }
            return batch.get(details.orderLineIds()[i]);
        }
    }
}
