package io.rebatch.sandbox.jd;

import io.rebatch.domain.jd.JdRules;
import io.rebatch.domain.BindingKind;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.GeneratedLine;
import io.rebatch.sandbox.generator.GenerationContext;
import io.rebatch.sandbox.generator.Item;
import io.rebatch.sandbox.generator.OrderDraft;
import io.rebatch.sandbox.generator.OrderLines;
import io.rebatch.sandbox.generator.Population;
import io.rebatch.sandbox.generator.SeedMath;
import io.rebatch.sandbox.generator.Timeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;

import static io.rebatch.sandbox.generator.LineDraws.DAY;
import static io.rebatch.sandbox.generator.LineDraws.HOUR;
import static io.rebatch.sandbox.generator.LineDraws.MIN;
import static io.rebatch.sandbox.generator.LineDraws.halfUpDiv;
import static io.rebatch.sandbox.generator.LineDraws.percentOf;
import static io.rebatch.sandbox.generator.LineDraws.plus;
import static io.rebatch.sandbox.generator.LineDraws.quantity;

/**
 * The lines of one JD order: its tracking ({@code subUnionId}), line ids under one {@code orderId},
 * and each line's {@code validCode} life cycle (15 unpaid, 16 paid, 24 presale deposit, 17 finished,
 * 18 settled, invalid codes) with {@code payMonth} and partial refunds after settlement.
 * {@code estimateFee = half-up(cosPrice × commissionRate × finalRate 90 %)}.
 */
final class JdLines implements OrderLines {
    private static final long SITE_ID = 4_100_000_001L;
    private static final long UNION_ID = 1_000_123_456L;

    private final OrderDraft o;
    private final GenerationContext ctx;
    private final String subUnionId;
    private long parentBase;

    /** Draws the order's tracking: the buyer's sub-union id, or one nobody or an unloaded user bound, or none. */
    JdLines(OrderDraft o, SplittableRandom r, GenerationContext ctx) {
        this.o = o;
        this.ctx = ctx;
        Population pop = ctx.population();
        if (o.path() == OrderDraft.Path.DIRECT) {
            subUnionId = pop.value(JdRules.SUB_UNION_ID, o.buyer());
        } else {
            int t = r.nextInt(100);
            subUnionId = t < 15 ? pop.unbound(r, JdSimulator.SUB_UNION_ID)
                    : t < 20 ? pop.ghostValue(JdRules.SUB_UNION_ID, r) : "";
        }
    }

    @Override
    public GeneratedLine line(SplittableRandom r, int k, long ordinal) {
        if (k == 0) {
            long block = SeedMath.permute(o.firstOrdinal(), 36, ctx.seed());
            parentBase = (1 + ctx.idDigit()) * 100_000_000_000_000L + block * 1_000L + r.nextInt(1_000);
        }
        String id = Long.toString(parentBase * 1_000L + Math.floorMod(SeedMath.mix(parentBase), 300) + 300L * k);
        Item item = ctx.item(r, Platform.JD);
        LineState s = new LineState();
        s.id = id;
        s.orderId = parentBase;
        s.item = item;
        s.qty = quantity(r);
        s.cos = item.unitPriceFen() * s.qty;
        s.rateBps = item.rate();
        s.estimateFee = fee(s.cos, s.rateBps);
        s.orderTime = o.created();
        s.positionId = Long.parseLong(o.pid());
        s.subUnionId = subUnionId;
        GeneratedLine line = new GeneratedLine(Platform.JD, id, Long.toString(parentBase), o.day(), ordinal,
                item.id(), o.pid(), o.created());
        Timeline tl = ctx.timeline(line);

        int start = r.nextInt(100);
        if (start < 3) {
            tl.add(o.created(), t -> s.row(15, t));
            if (r.nextBoolean()) {
                tl.add(plus(o.created(), r, 30 * MIN, DAY), t -> s.row(3, t));
                return line;
            }
            tl.add(plus(o.created(), r, MIN, HOUR), t -> s.row(16, t));
        } else if (start < 6) {
            tl.add(o.created(), t -> s.row(24, t));   // presale deposit paid
            tl.add(plus(o.created(), r, DAY, 3 * DAY), t -> s.row(16, t));
        } else {
            tl.add(plus(o.created(), r, 30, 15 * MIN), t -> s.row(16, t));
        }
        if (tl.closed()) {
            return line;
        }
        int fate = r.nextInt(100);
        if (fate < 10) {
            int[] codes = {3, 3, 3, 3, 3, 3, 13, 20, 25, 26, 27, 28};
            int code = codes[r.nextInt(codes.length)];
            tl.add(plus(tl.last(), r, HOUR, 5 * DAY), t -> s.row(code, t));
            return line;
        }
        if (!tl.add(plus(tl.last(), r, DAY, 12 * DAY), t -> {
            s.finishTime = t;
            return s.row(17, t);
        })) {
            return line;
        }
        LocalDate finishDay = BusinessTime.dateOf(s.finishTime);
        LocalDate payDay = finishDay.plusMonths(1).withDayOfMonth(20); // paid around the 20th of the next month
        int payMonth = payDay.getYear() * 10_000 + payDay.getMonthValue() * 100 + payDay.getDayOfMonth();
        long actualCos = r.nextInt(100) < 12 ? percentOf(s.cos, r, 50, 95) : s.cos;
        if (actualCos < s.cos && s.qty > 1) {
            s.skuReturnNum = 1;
        }
        s.actualCos = actualCos;
        s.actualFee = fee(actualCos, s.rateBps);
        int settleCode;
        if (r.nextInt(100) < 85) {
            settleCode = 17;
            s.payMonth = payMonth;
        } else {
            settleCode = 18;
            s.payMonth = r.nextBoolean() ? payMonth : 0;
        }
        if (!tl.add(plus(tl.last(), r, DAY, 7 * DAY), t -> s.row(settleCode, t))) {
            return line;
        }
        int post = r.nextInt(100);
        if (post < 8) {
            // partial refund after settlement: a lower actualFee
            s.actualCos = percentOf(s.actualCos, r, 30, 90);
            s.actualFee = fee(s.actualCos, s.rateBps);
            s.skuReturnNum = Math.min(s.qty, s.skuReturnNum + 1);
            tl.add(plus(tl.last(), r, DAY, 10 * DAY), t -> s.row(settleCode, t));
        } else if (post < 12) {
            int[] codes = {27, 28, 13};
            int code = codes[r.nextInt(codes.length)];
            tl.add(plus(tl.last(), r, DAY, 10 * DAY), t -> s.row(code, t));
        }
        return line;
    }

    /** JD commission: half-up(cosPrice × commissionRate × finalRate 90 %). */
    private static long fee(long cosFen, int rateBps) {
        return halfUpDiv(cosFen * rateBps * 9_000L, 100_000_000L);
    }

    private static final class LineState {
        String id;
        long orderId;
        Item item;
        int qty;
        long cos;
        int rateBps;
        long estimateFee;
        long actualCos;
        long actualFee;
        int skuReturnNum;
        int payMonth;
        Instant orderTime;
        Instant finishTime;
        long positionId;
        String subUnionId;

        JdOrderRow row(int validCode, Instant modified) {
            return new JdOrderRow(id, orderId, 0, Long.parseLong(item.id()), item.title(), qty, skuReturnNum, 0,
                    item.unitPriceFen(), rateBps, 9_000, 0, 9_000, cos, estimateFee, actualCos, actualFee, validCode,
                    orderTime, finishTime, modified, payMonth, positionId, SITE_ID, UNION_ID, "", subUnionId,
                    2, 2, 0, 1, "00000000000000000000000000000000");
        }
    }
}
