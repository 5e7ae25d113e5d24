package io.rebatch.sandbox.generator;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds one creation day's order lines, their snapshot timelines and their clicks from the day's
 * seed. Only {@link ScenarioGenerator} calls it; everything it decides is a pure function of
 * (scenario seed, day).
 *
 * <p>Amounts are computed in fen with integer arithmetic, the way each platform rounds:
 * Taobao {@code pub_share_pre_fee = floor(price × rate)}, {@code alimama_share_fee = half-up(fee × 10 %)};
 * JD {@code estimateFee = half-up(cosPrice × commissionRate × finalRate)}; PDD
 * {@code promotion_amount = half-up(order_amount × rate‰)}; refund commissions at four decimals, half-up.
 */
final class DayGenerator {
    private static final long MIN = 60;
    private static final long HOUR = 3_600;
    private static final long DAY = 86_400;
    private static final ZoneOffset SHANGHAI_OFFSET = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter PDD_SN_DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final long TAOBAO_SITE_ID = 12_345_678L;
    private static final long TAOBAO_PUB_ID = 987_654L;
    private static final long JD_SITE_ID = 4_100_000_001L;
    private static final long JD_UNION_ID = 1_000_123_456L;

    /** How a line is meant to reach a user; rebatch must find out by itself. */
    enum Path { DIRECT, CLICK, NONE }

    private final ScenarioGenerator g;
    private final long seed;
    private final long idDigit;

    DayGenerator(ScenarioGenerator g) {
        this.g = g;
        this.seed = g.spec().seed();
        this.idDigit = Math.floorMod(SeedMath.mix(seed, 0x1D), 7); // first digit of 19/15-digit ids: 1..7
    }

    DayBatch generate(LocalDate day, int count, long ordinalBase) {
        SplittableRandom r = SeedMath.random(seed, ScenarioGenerator.SALT_DAY, day.toEpochDay());
        List<OrderLine> lines = new ArrayList<>(count);
        List<Click> clicks = new ArrayList<>();
        long ordinal = ordinalBase;
        Instant dayStart = BusinessTime.startOf(day);
        while (lines.size() < count) {
            int pr = r.nextInt(100);
            Platform p = pr < 45 ? Platform.TAOBAO : pr < 75 ? Platform.JD : Platform.PDD;
            int n = p != Platform.PDD && r.nextInt(100) < 15 ? 2 + r.nextInt(2) : 1;
            n = Math.min(n, count - lines.size());
            Order o = newOrder(r, p, day, dayStart, ordinal);
            for (int k = 0; k < n; k++) {
                OrderLine line = switch (p) {
                    case TAOBAO -> taobaoLine(r, o, k, ordinal);
                    case JD -> jdLine(r, o, k, ordinal);
                    case PDD -> pddLine(r, o, ordinal);
                };
                lines.add(line.seal());
                clicksFor(r, o, line, clicks);
                ordinal++;
            }
        }
        // the app's click log is not in order
        for (int i = clicks.size() - 1; i > 0; i--) {
            Collections.swap(clicks, i, r.nextInt(i + 1));
        }
        return new DayBatch(day, Collections.unmodifiableList(lines), Collections.unmodifiableList(clicks));
    }

    /** What the lines of one order share: buyer, intent, tracking, time, promotion position. */
    private static final class Order {
        Platform platform;
        LocalDate day;
        long firstOrdinal;
        int buyer;           // index into the user arrays
        Path path;
        Instant created;
        Instant paid;
        String pid;
        Long relationId;     // Taobao
        Long specialId;      // Taobao
        String subUnionId;   // JD
        String customParameters; // PDD
        long parentBase;     // Taobao parent / JD orderId
    }

    private Order newOrder(SplittableRandom r, Platform p, LocalDate day, Instant dayStart, long ordinal) {
        Order o = new Order();
        o.platform = p;
        o.day = day;
        o.firstOrdinal = ordinal;
        int roll = r.nextInt(100);
        long second = roll < 6 ? DAY - 1 - r.nextInt(900) : roll < 8 ? r.nextInt(600) : r.nextInt((int) DAY);
        o.created = dayStart.plusSeconds(second);
        o.paid = o.created.plusSeconds(30 + r.nextInt(870));
        String[] pp = g.pids.get(p);
        o.pid = pp[r.nextInt(pp.length)];
        int[] bound = switch (p) {
            case TAOBAO -> g.taobaoBound;
            case JD -> g.jdBound;
            case PDD -> g.pddBound;
        };
        int pathRoll = r.nextInt(100);
        o.path = pathRoll < 45 && bound.length > 0 ? Path.DIRECT : pathRoll < 75 ? Path.CLICK : Path.NONE;
        o.buyer = o.path == Path.DIRECT ? bound[r.nextInt(bound.length)] : r.nextInt(g.userIds.length);
        switch (p) {
            case TAOBAO -> taobaoTracking(r, o);
            case JD -> jdTracking(r, o);
            case PDD -> pddTracking(r, o);
        }
        return o;
    }

    private void taobaoTracking(SplittableRandom r, Order o) {
        if (o.path == Path.DIRECT) {
            long rel = g.relationIds[o.buyer];
            long spe = g.specialIds[o.buyer];
            if (rel != 0 && (spe == 0 || r.nextInt(100) < 70)) {
                o.relationId = rel;
                if (spe == 0 && r.nextInt(100) < 4) {
                    // both ids present, pointing at different users: relation_id comes first
                    int other = r.nextInt(g.userIds.length);
                    if (g.specialIds[other] != 0 && other != o.buyer) {
                        o.specialId = g.specialIds[other];
                    }
                }
            } else {
                o.specialId = spe;
            }
        } else {
            int t = r.nextInt(100);
            if (t < 15) {
                o.relationId = unboundTenDigits(r);           // a channel id nobody bound
            } else if (t < 20) {
                o.relationId = g.ghostRelationIds[r.nextInt(g.ghostRelationIds.length)]; // bound to an unloaded user
            }
        }
    }

    private void jdTracking(SplittableRandom r, Order o) {
        if (o.path == Path.DIRECT) {
            o.subUnionId = g.subUnionIds[o.buyer];
        } else {
            int t = r.nextInt(100);
            o.subUnionId = t < 15 ? unboundString(r, "rb", 8)
                    : t < 20 ? g.ghostSubUnionIds[r.nextInt(g.ghostSubUnionIds.length)] : "";
        }
    }

    private void pddTracking(SplittableRandom r, Order o) {
        if (o.path == Path.DIRECT) {
            o.customParameters = "{\"uid\": \"" + g.pddUids[o.buyer] + "\", \"sid\": \"app\"}";
        } else {
            int t = r.nextInt(100);
            o.customParameters = t < 40 ? "" : t < 80 ? "-1"
                    : t < 92 ? "{\"uid\": \"" + unboundString(r, "", 10) + "\", \"sid\": \"app\"}"
                    : "{\"uid\": \"" + g.ghostPddUids[r.nextInt(g.ghostPddUids.length)] + "\", \"sid\": \"app\"}";
        }
    }

    private long unboundTenDigits(SplittableRandom r) {
        while (true) {
            long v = 1_000_000_000L + r.nextLong(8_999_999_999L);
            if (!g.boundValues.contains(Long.toString(v))) {
                return v;
            }
        }
    }

    private String unboundString(SplittableRandom r, String prefix, int hex) {
        while (true) {
            String v = prefix + SeedMath.hex(r, hex);
            if (!g.boundValues.contains(v)) {
                return v;
            }
        }
    }

    private Item item(SplittableRandom r, Platform p) {
        Item[] pool = g.items.get(p);
        return pool[r.nextInt(pool.length)];
    }

    private static int quantity(SplittableRandom r) {
        return r.nextInt(100) < 75 ? 1 : 2 + r.nextInt(2);
    }

    private static Instant plus(Instant t, SplittableRandom r, long minSeconds, long maxSeconds) {
        return t.plusSeconds(minSeconds + r.nextLong(maxSeconds - minSeconds + 1));
    }

    static long halfUpDiv(long numerator, long denominator) {
        return Math.floorDiv(numerator * 2 + denominator, denominator * 2);
    }

    private static long percentOf(long fen, SplittableRandom r, int minPct, int maxPct) {
        return fen * (minPct + r.nextInt(maxPct - minPct + 1)) / 100;
    }

    // ---------------------------------------------------------------- Taobao

    private OrderLine taobaoLine(SplittableRandom r, Order o, int k, long ordinal) {
        if (k == 0) {
            long block = SeedMath.permute(o.firstOrdinal, 40, seed);
            o.parentBase = (1 + idDigit) * 1_000_000_000_000_000_000L + block * 100_000L + r.nextInt(99_000);
        }
        String parentId = Long.toString(o.parentBase);
        String tradeId = Long.toString(o.parentBase + 10L * (k + 1) + r.nextInt(10));
        Item item = item(r, Platform.TAOBAO);
        int qty = quantity(r);
        long alipay = item.unitPriceFen() * qty;
        int rateBps = item.rate();
        long preFee = alipay * rateBps / 10_000;          // floor, like the sample rows
        int alimamaRateBps = 1_000;
        OrderLine line = new OrderLine(Platform.TAOBAO, tradeId, parentId, o.day, ordinal, item.id(), o.pid, o.created);
        Timeline tl = new Timeline(line, g.horizonEnd());
        TbState s = new TbState();
        s.tradeId = tradeId;
        s.parentId = parentId;
        s.item = item;
        s.qty = qty;
        s.alipay = alipay;
        s.rateBps = rateBps;
        s.preFee = preFee;
        s.alimamaRateBps = alimamaRateBps;
        s.alimamaFee = halfUpDiv(preFee * alimamaRateBps, 10_000);
        s.totalCommissionFee = preFee;
        s.created = o.created;
        s.paid = o.paid;
        s.click = o.created.minusSeconds(60 + r.nextInt(540));
        s.adzoneId = Long.parseLong(o.pid);
        s.relationId = o.relationId;
        s.specialId = o.specialId;

        if (r.nextInt(100) < 3) {
            // not yet paid: rebatch skips these rows; half of them are never paid and close
            Instant paid = s.paid;
            s.paid = null;
            tl.add(o.created, t -> s.row(11, t));
            if (r.nextBoolean()) {
                tl.add(plus(o.created, r, 15 * MIN, 20 * HOUR), t -> s.row(13, t));
                return line;
            }
            s.paid = paid;
        }
        if (!tl.add(s.paid, t -> s.row(12, t))) {
            return line;
        }
        int fate = r.nextInt(100);
        if (fate < 10) {
            tl.add(plus(tl.last(), r, 2 * HOUR, 6 * DAY), t -> s.row(13, t));
            return line;
        }
        s.payPrice = alipay;
        if (!tl.add(plus(tl.last(), r, DAY, 12 * DAY), t -> s.row(14, t))) {
            return line;
        }
        if (fate < 14) {
            tl.add(plus(tl.last(), r, HOUR, 3 * DAY), t -> s.row(13, t));
            return line;
        }
        Instant settle = plus(tl.last(), r, HOUR, 6 * DAY);
        long pay = r.nextInt(100) < 15 ? percentOf(alipay, r, 50, 95) : alipay;
        s.payPrice = pay;
        s.pubShareFee = pay * rateBps / 10_000;
        s.alimamaFee = halfUpDiv(s.pubShareFee * alimamaRateBps, 10_000);
        s.totalCommissionFee = s.pubShareFee;
        if (!tl.add(settle, t -> {
            s.earning = t;
            return s.row(3, t);
        })) {
            return line;
        }
        Instant settledAt = tl.last();
        int post = r.nextInt(100);
        if (post < 5) {
            if (r.nextInt(100) < 20) {
                tl.addTie(t -> s.row(13, t));  // invalidated in the same second it settled
            } else {
                tl.add(plus(settledAt, r, DAY, 10 * DAY), t -> s.row(13, t));
            }
        } else if (post < 20) {
            taobaoRefund(r, tl, line, s, settledAt);
        }
        return line;
    }

    private void taobaoRefund(SplittableRandom r, Timeline tl, OrderLine line, TbState s, Instant settledAt) {
        Instant opened = plus(settledAt, r, HOUR, 8 * DAY);
        long refundFeeFen = r.nextInt(100) < 30 ? s.payPrice : percentOf(s.payPrice, r, 20, 99);
        BigDecimal refundFee = BigDecimal.valueOf(refundFeeFen, 2).setScale(4);
        BigDecimal commission = BigDecimal.valueOf(refundFeeFen, 2)
                .multiply(BigDecimal.valueOf(s.rateBps, 4))
                .setScale(4, RoundingMode.HALF_UP);
        BigDecimal finishPrice = BigDecimal.valueOf(s.payPrice, 2).setScale(4);
        int finalStatus = switch (r.nextInt(5)) {
            case 0, 1 -> 2;
            case 2 -> 13;
            case 3 -> 15;
            default -> 3;
        };
        Instant[] lastRefund = {null};
        Instant[] openedAt = {null};
        boolean ok = tl.addRefund(opened, t -> {
            openedAt[0] = t;
            return refundRow(s, 4, commission, refundFee, finishPrice, t, t, null, settledAt);
        }, lastRefund);
        if (!ok) {
            return;
        }
        if (r.nextBoolean()) {
            // the order row is flagged as 维权 too
            s.refundTag = 1;
            tl.add(openedAt[0], t -> s.row(3, t));
        }
        tl.addRefund(plus(openedAt[0], r, 2 * HOUR, 3 * DAY),
                t -> refundRow(s, finalStatus, commission, refundFee, finishPrice, t, openedAt[0], t, settledAt), lastRefund);
    }

    private static TaobaoRefundRow refundRow(TbState s, int status, BigDecimal commission, BigDecimal refundFee,
                                             BigDecimal finishPrice, Instant modified, Instant refundTime,
                                             Instant suitTime, Instant earning) {
        return new TaobaoRefundRow(Long.parseLong(s.tradeId), Long.parseLong(s.parentId), status, commission,
                BigDecimal.ZERO.setScale(4), refundFee, finishPrice, modified, refundTime, suitTime, earning, s.created,
                1, s.item.title(), s.relationId, s.specialId);
    }

    /** The evolving fields of a Taobao line. */
    private static final class TbState {
        String tradeId;
        String parentId;
        Item item;
        int qty;
        long alipay;
        Long payPrice;
        int rateBps;
        long preFee;
        long pubShareFee;
        int alimamaRateBps;
        long alimamaFee;
        long totalCommissionFee;
        int refundTag;
        Instant created;
        Instant paid;
        Instant earning;
        Instant click;
        long adzoneId;
        Long relationId;
        Long specialId;

        TaobaoOrderRow row(int status, Instant modified) {
            boolean settled = status == 3 || (status == 13 && earning != null);
            return new TaobaoOrderRow(tradeId, parentId, item.id(), item.title(), qty, item.unitPriceFen(), alipay,
                    payPrice, rateBps, totalCommissionFee, preFee, settled ? pubShareFee : 0, alimamaRateBps,
                    alimamaFee, status, refundTag, "天猫", created, paid, settled ? earning : null, click, modified,
                    adzoneId, TAOBAO_SITE_ID, TAOBAO_PUB_ID, relationId, specialId);
        }
    }

    // ---------------------------------------------------------------- JD

    private OrderLine jdLine(SplittableRandom r, Order o, int k, long ordinal) {
        if (k == 0) {
            long block = SeedMath.permute(o.firstOrdinal, 36, seed);
            o.parentBase = (1 + idDigit) * 100_000_000_000_000L + block * 1_000L + r.nextInt(1_000);
        }
        String id = Long.toString(o.parentBase * 1_000L + Math.floorMod(SeedMath.mix(o.parentBase), 300) + 300L * k);
        Item item = item(r, Platform.JD);
        JdState s = new JdState();
        s.id = id;
        s.orderId = o.parentBase;
        s.item = item;
        s.qty = quantity(r);
        s.cos = item.unitPriceFen() * s.qty;
        s.rateBps = item.rate();
        s.estimateFee = fee(s.cos, s.rateBps);
        s.orderTime = o.created;
        s.positionId = Long.parseLong(o.pid);
        s.subUnionId = o.subUnionId;
        OrderLine line = new OrderLine(Platform.JD, id, Long.toString(o.parentBase), o.day, ordinal,
                item.id(), o.pid, o.created);
        Timeline tl = new Timeline(line, g.horizonEnd());

        int start = r.nextInt(100);
        if (start < 3) {
            tl.add(o.created, t -> s.row(15, t));
            if (r.nextBoolean()) {
                tl.add(plus(o.created, r, 30 * MIN, DAY), t -> s.row(3, t));
                return line;
            }
            tl.add(plus(o.created, r, MIN, HOUR), t -> s.row(16, t));
        } else if (start < 6) {
            tl.add(o.created, t -> s.row(24, t));   // presale deposit paid
            tl.add(plus(o.created, r, DAY, 3 * DAY), t -> s.row(16, t));
        } else {
            tl.add(plus(o.created, r, 30, 15 * MIN), t -> s.row(16, t));
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

    private static final class JdState {
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
                    orderTime, finishTime, modified, payMonth, positionId, JD_SITE_ID, JD_UNION_ID, "", subUnionId,
                    2, 2, 0, 1, "00000000000000000000000000000000");
        }
    }

    // ---------------------------------------------------------------- Pinduoduo

    private OrderLine pddLine(SplittableRandom r, Order o, long ordinal) {
        long block = SeedMath.permute(ordinal, 36, seed);
        long digits = (1 + idDigit) * 100_000_000_000_000L + block * 1_000L + r.nextInt(1_000);
        String sn = PDD_SN_DATE.format(ZonedDateTime.ofInstant(o.created, SHANGHAI_OFFSET)) + "-" + digits;
        Item item = item(r, Platform.PDD);
        PddState s = new PddState();
        s.sn = sn;
        s.orderId = Long.toString(100_000_000_000L + ordinal);
        s.item = item;
        s.qty = quantity(r);
        s.amount = item.unitPriceFen() * s.qty;
        s.promotion = halfUpDiv(s.amount * item.rate(), 1_000);
        s.created = o.created;
        s.pid = o.pid;
        s.custom = o.customParameters;
        OrderLine line = new OrderLine(Platform.PDD, sn, sn, o.day, ordinal, item.id(), o.pid, o.created);
        Timeline tl = new Timeline(line, g.horizonEnd());
        if (r.nextInt(100) < 3) {
            tl.add(o.created, t -> s.row(-1, t));
            if (r.nextInt(100) < 60) {
                return line;
            }
        }
        if (!tl.add(o.paid, t -> {
            s.pay = t;
            return s.row(0, t);
        })) {
            return line;
        }
        if (r.nextInt(100) < 80) {
            tl.add(plus(tl.last(), r, 1, 2 * HOUR), t -> {
                s.group = t;
                return s.row(1, t);
            });
        }
        int fate = r.nextInt(100);
        if (fate < 8) {
            tl.add(plus(tl.last(), r, DAY, 8 * DAY), t -> s.row(4, t));
            return line;
        }
        if (fate < 9) {
            tl.add(plus(tl.last(), r, DAY, 8 * DAY), t -> s.row(8, t));
            return line;
        }
        if (!tl.add(plus(tl.last(), r, 2 * DAY, 12 * DAY), t -> {
            s.receive = t;
            return s.row(2, t);
        })) {
            return line;
        }
        boolean rejected = r.nextInt(100) < 3;
        if (!tl.add(plus(tl.last(), r, HOUR, 2 * DAY), t -> {
            s.verify = t;
            return s.row(rejected ? 4 : 3, t);
        }) || rejected) {
            return line;
        }
        if (!tl.add(plus(tl.last(), r, DAY, 10 * DAY), t -> {
            s.settle = t;
            return s.row(5, t);
        })) {
            return line;
        }
        if (r.nextInt(100) < 4) {
            tl.add(plus(tl.last(), r, DAY, 10 * DAY), t -> s.row(10, t));
        }
        return line;
    }

    private static final class PddState {
        String sn;
        String orderId;
        Item item;
        int qty;
        long amount;
        long promotion;
        Instant created;
        Instant pay;
        Instant group;
        Instant receive;
        Instant verify;
        Instant settle;
        String pid;
        String custom;

        PddOrderRow row(int status, Instant modified) {
            return new PddOrderRow(sn, orderId, Long.parseLong(item.id()), item.title(), qty, item.unitPriceFen(),
                    amount, item.rate(), promotion, status, created, pay, group, receive, verify, settle, modified,
                    pid, custom);
        }
    }

    // ---------------------------------------------------------------- clicks

    /**
     * The clicks around a line: the buyer's own click (for CLICK lines, and for most DIRECT lines),
     * and decoys rebatch must not pick: another user's click after creation, one outside the click
     * window, one on another promotion position, an older competing click, a click by a user who is
     * not loaded, an exact tie on {@code clicked_at}, and duplicate rows of the same click.
     */
    private void clicksFor(SplittableRandom r, Order o, OrderLine line, List<Click> out) {
        long idBase = 10_000_000L + line.ordinal() * 8;
        List<Click> mine = new ArrayList<>(8);
        int[] next = {0};
        Platform p = line.platform();
        Instant created = line.createdAt();
        long buyer = g.userIds[o.buyer];
        boolean buyerClicks = o.path == Path.CLICK || (o.path == Path.DIRECT && r.nextInt(100) < 60);
        if (buyerClicks) {
            long gap = r.nextInt(100) < 70 ? 60 + r.nextLong(47 * HOUR) : 48 * HOUR + 60 + r.nextLong(24 * HOUR - 120);
            Instant at = created.minusSeconds(gap);
            if (o.path == Path.CLICK && r.nextInt(100) < 8) {
                // two users clicked in the same second: the smaller click_id wins, whichever it is
                long other = otherUser(r, buyer);
                boolean buyerFirst = r.nextBoolean();
                mine.add(click(idBase, next, buyerFirst ? buyer : other, line, line.pid(), at, r));
                mine.add(click(idBase, next, buyerFirst ? other : buyer, line, line.pid(), at, r));
            } else {
                mine.add(click(idBase, next, buyer, line, line.pid(), at, r));
            }
            if (r.nextInt(100) < 15) {
                mine.add(click(idBase, next, otherUser(r, buyer), line, line.pid(), at.minusSeconds(60 + r.nextInt(36_000)), r));
            }
            if (r.nextInt(100) < 3) {
                long ghost = g.ghostUserIds[r.nextInt(g.ghostUserIds.length)];
                long room = java.time.Duration.between(at, created).getSeconds();
                if (room > 2) {
                    mine.add(click(idBase, next, ghost, line, line.pid(), at.plusSeconds(1 + r.nextLong(room - 1)), r));
                }
            }
        }
        if (r.nextInt(100) < 20) {
            mine.add(click(idBase, next, otherUser(r, buyer), line, line.pid(), created.plusSeconds(1 + r.nextInt(3 * 3_600)), r));
        }
        if (r.nextInt(100) < 15) {
            mine.add(click(idBase, next, otherUser(r, buyer), line, line.pid(),
                    created.minusSeconds(73 * HOUR + r.nextLong(7 * DAY)), r));
        }
        if (r.nextInt(100) < 12) {
            String[] pool = g.pids.get(p);
            String otherPid = pool[r.nextInt(pool.length)];
            if (!otherPid.equals(line.pid())) {
                mine.add(click(idBase, next, otherUser(r, buyer), line, otherPid, created.minusSeconds(60 + r.nextInt(3_600)), r));
            }
        }
        for (Click c : mine) {
            out.add(c);
            if (r.nextInt(100) < 5) {
                ZoneOffset flipped = c.shownOffset().equals(ZoneOffset.UTC) ? SHANGHAI_OFFSET : ZoneOffset.UTC;
                out.add(new Click(c.clickId(), c.userId(), c.platform(), c.itemId(), c.pid(), c.clickedAt(), flipped));
            }
        }
    }

    private Click click(long idBase, int[] next, long user, OrderLine line, String pid, Instant at, SplittableRandom r) {
        if (next[0] >= 8) {
            throw new IllegalStateException("more than 8 clicks for line " + line.lineId());
        }
        long id = idBase + next[0]++;
        ZoneOffset shown = r.nextBoolean() ? SHANGHAI_OFFSET : ZoneOffset.UTC;
        return new Click(id, user, line.platform(), line.itemId(), pid, at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), shown);
    }

    private long otherUser(SplittableRandom r, long not) {
        if (g.userIds.length == 1) {
            return g.ghostUserIds[0];
        }
        while (true) {
            long u = g.userIds[r.nextInt(g.userIds.length)];
            if (u != not) {
                return u;
            }
        }
    }
}
