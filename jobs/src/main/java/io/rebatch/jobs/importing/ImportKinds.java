package io.rebatch.jobs.importing;

import io.rebatch.domain.OrderLine;
import io.rebatch.domain.Platform;
import io.rebatch.domain.Refund;
import io.rebatch.domain.SnapshotOrder;
import io.rebatch.readers.platform.Adapters;
import io.rebatch.readers.platform.Feed;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.report.ReportRow;
import io.rebatch.writers.orders.OrderLineStore;
import io.rebatch.writers.orders.RefundStore;
import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of importable file kinds: {@code ORDERS:TAOBAO|JD|PDD}, {@code REFUNDS:TAOBAO}, {@code USERS},
 * {@code BINDINGS}, {@code CLICKS}.
 */
public class ImportKinds {
    private final Map<String, ImportKind<?, ?>> kinds = new LinkedHashMap<>();

    public ImportKinds(OrderLineStore orders, RefundStore refunds, AppDataKinds appData) {
        // every platform's order feed, then the other feeds (Taobao's refunds): the order of the "known:" list
        for (Feed feed : Adapters.feeds()) {
            if (!feed.refunds()) {
                register(new OrderReportKind(feed, orders, refunds));
            }
        }
        for (Feed feed : Adapters.feeds()) {
            if (feed.refunds()) {
                register(new OrderReportKind(feed, orders, refunds));
            }
        }
        appData.all().forEach(this::register);
    }

    private void register(ImportKind<?, ?> kind) {
        kinds.put(kind.name(), kind);
    }

    public ImportKind<?, ?> get(String name) {
        ImportKind<?, ?> k = kinds.get(name);
        if (k == null) {
            throw new IllegalArgumentException("unknown import kind '" + name + "' (known: " + kinds.keySet() + ")");
        }
        return k;
    }

    /** Platform order reports and the Taobao refund feed, read by the readers' report parsers. */
    static final class OrderReportKind implements ImportKind<ReportRow, Object> {
        private final Feed feed;
        private final Platform platform;
        private final boolean refundFeed;
        private final OrderLineStore orders;
        private final RefundStore refunds;

        OrderReportKind(Feed feed, OrderLineStore orders, RefundStore refunds) {
            this.feed = feed;
            this.platform = feed.platform();
            this.refundFeed = feed.refunds();
            this.orders = orders;
            this.refunds = refunds;
        }

        @Override
        public String name() {
            return feed.importKind();
        }

        @Override
        public String platform() {
            return platform.name();
        }

        @Override
        public String what() {
            return refundFeed ? "a " + platform + " refund feed" : "a " + platform + " order report";
        }

        @Override
        public Cursor<ReportRow> open(Path file) {
            var cursor = Adapters.of(platform).open(file, feed, PlausibleTimes.ANY);
            return new Cursor<>() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public ReportRow next() {
                    return cursor.next();
                }

                @Override
                public void close() {
                    cursor.close();
                }
            };
        }

        /** The parser's verdict, and a row of the other feed (an order in a refund file or the reverse). */
        private QuarantineStore.Entry parserRejected(String importKey, long rowNo, ReportRow row) {
            if (row instanceof ReportRow.Rejected r) {
                return new QuarantineStore.Entry(importKey, rowNo, refundFeed ? "REFUND" : "ORDER", platform.name(),
                        r.source(), r.lineNo(), r.raw(), r.reason());
            }
            if (refundFeed != (row instanceof ReportRow.RefundSnapshot) && !(row instanceof ReportRow.SkippedUnpaid)) {
                return new QuarantineStore.Entry(importKey, rowNo, refundFeed ? "REFUND" : "ORDER", platform.name(),
                        row.source(), row.lineNo(), "", refundFeed ? "an order row in a refund file" : "a refund row in an order file");
            }
            return null;
        }

        /**
         * Besides the parser's verdict, every time a snapshot carries must be plausible: created, paid, received and
         * modified of an order line within the whole range, modified of a refund too; settled_at only not before the
         * earliest date, because JD's settled_at is the planned payment date ({@code payMonth}), which lies ahead
         * for weeks when the line is reported.
         */
        @Override
        public QuarantineStore.Entry rejected(String importKey, long rowNo, ReportRow row, PlausibleDates dates) {
            QuarantineStore.Entry e = parserRejected(importKey, rowNo, row);
            if (e != null) {
                return e;
            }
            String reason = null;
            String parsed = "";
            if (row instanceof ReportRow.Snapshot s) {
                parsed = s.line().toString();
                OrderLine l = s.line();
                reason = dates.checkAll("created_at", l.createdAt(), "paid_at", l.paidAt(), "received_at",
                        l.receivedAt(), "modified_at", l.modifiedAt());
                if (reason == null) {
                    reason = dates.checkNotBefore("settled_at", l.settledAt());
                }
                if (reason != null) {
                    reason = "order line " + l.orderLineId() + ": " + reason;
                }
            } else if (row instanceof ReportRow.RefundSnapshot r) {
                parsed = r.refund().toString();
                reason = dates.check("modified_at", r.refund().modifiedAt());
                if (reason != null) {
                    reason = "refund of line " + r.refund().orderLineId() + ": " + reason;
                }
            }
            if (reason == null) {
                return null;
            }
            // A parsed row keeps no raw text of its own (a page holds many rows): quarantine the parsed snapshot.
            return new QuarantineStore.Entry(importKey, rowNo, refundFeed ? "REFUND" : "ORDER", platform.name(),
                    row.source(), row.lineNo(), parsed, reason);
        }

        @Override
        public boolean skipped(ReportRow row) {
            return row instanceof ReportRow.SkippedUnpaid;
        }

        /** An order line, or a refund for the refund feed. */
        @Override
        public Object stored(ReportRow row) {
            return row instanceof ReportRow.RefundSnapshot r ? r.refund() : ((ReportRow.Snapshot) row).line();
        }

        @Override
        public void store(List<Object> values, ImportCounters counters) {
            if (refundFeed) {
                storeRefunds(values, counters);
            } else {
                storeLines(values, counters);
            }
        }

        private void storeLines(List<Object> rows, ImportCounters counters) {
            // Within a chunk the last of equal versions wins, as it would across files.
            Map<String, OrderLine> latest = new LinkedHashMap<>();
            for (Object row : rows) {
                OrderLine l = (OrderLine) row;
                OrderLine prev = latest.get(l.orderLineId());
                if (prev != null && !SnapshotOrder.replaces(l.version(), prev.version())) {
                    counters.stale++;
                    continue;
                }
                if (prev != null) {
                    counters.changed++; // applied, then superseded within the chunk
                }
                latest.put(l.orderLineId(), l);
            }
            Map<String, OrderLineStore.Stored> stored = orders.stored(platform, latest.keySet());
            List<OrderLine> toWrite = new java.util.ArrayList<>(latest.size());
            for (OrderLine l : latest.values()) {
                OrderLineStore.Stored s = stored.get(l.orderLineId());
                if (s == null) {
                    counters.newRows++;
                    toWrite.add(l);
                } else if (!SnapshotOrder.replaces(l.version(), s.version())) {
                    counters.stale++;
                } else if (s.version().equals(l.version()) && s.contentHash() == OrderLineStore.contentHash(l)) {
                    counters.unchanged++;
                } else {
                    counters.changed++;
                    toWrite.add(l);
                }
            }
            orders.upsert(toWrite);
        }

        private void storeRefunds(List<Object> rows, ImportCounters counters) {
            Map<String, Refund> latest = new LinkedHashMap<>();
            for (Object row : rows) {
                Refund r = (Refund) row;
                Refund prev = latest.get(r.orderLineId());
                if (prev != null && !Refund.replaces(r, prev)) {
                    counters.stale++;
                    continue;
                }
                if (prev != null) {
                    counters.changed++; // applied, then superseded within the chunk (each row counts once)
                }
                latest.put(r.orderLineId(), r);
            }
            Map<String, Refund> stored = refunds.stored(platform, latest.keySet());
            List<Refund> toWrite = new java.util.ArrayList<>(latest.size());
            List<String> due = new java.util.ArrayList<>(latest.size());
            for (Refund r : latest.values()) {
                Refund s = stored.get(r.orderLineId());
                if (s == null) {
                    counters.newRows++;
                    due.add(r.orderLineId());
                } else if (!Refund.replaces(r, s)) {
                    counters.stale++;
                    continue;
                } else if (s.refundStatus() == r.refundStatus() && s.refundFen() == r.refundFen()
                        && s.modifiedAt().equals(r.modifiedAt())) {
                    counters.unchanged++;
                } else {
                    counters.changed++;
                    due.add(r.orderLineId());
                }
                toWrite.add(r);
            }
            refunds.upsert(platform, toWrite);
            orders.markDue(platform, due);
        }
    }
}
