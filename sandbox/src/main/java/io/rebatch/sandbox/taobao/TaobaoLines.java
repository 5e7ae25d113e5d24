package io.rebatch.sandbox.taobao;

import io.rebatch.domain.taobao.TaobaoRules;
import io.rebatch.domain.BindingKind;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.generator.GeneratedLine;
import io.rebatch.sandbox.generator.GenerationContext;
import io.rebatch.sandbox.generator.Item;
import io.rebatch.sandbox.generator.OrderDraft;
import io.rebatch.sandbox.generator.OrderLines;
import io.rebatch.sandbox.generator.Population;
import io.rebatch.sandbox.generator.SeedMath;
import io.rebatch.sandbox.generator.Timeline;
import io.rebatch.sandbox.generator.TrackingKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.SplittableRandom;

import static io.rebatch.sandbox.generator.LineDraws.DAY;
import static io.rebatch.sandbox.generator.LineDraws.HOUR;
import static io.rebatch.sandbox.generator.LineDraws.MIN;
import static io.rebatch.sandbox.generator.LineDraws.halfUpDiv;
import static io.rebatch.sandbox.generator.LineDraws.percentOf;
import static io.rebatch.sandbox.generator.LineDraws.plus;
import static io.rebatch.sandbox.generator.LineDraws.quantity;

/**
 * The lines of one Taobao order: its tracking ({@code relation_id} / {@code special_id}), trade ids
 * under one parent, and each line's {@code tk_status} life cycle (11 unpaid, 12 paid, 14 received,
 * 3 settled, 13 invalid) with an occasional refund timeline ({@code taobao.tbk.relation.refund}).
 * Amounts in fen the way Taobao rounds: {@code pub_share_pre_fee = floor(price × rate)},
 * {@code alimama_share_fee = half-up(fee × 10 %)}; refund commissions at four decimals, half-up.
 */
final class TaobaoLines implements OrderLines {
    private static final long SITE_ID = 12_345_678L;
    private static final long PUB_ID = 987_654L;

    private final OrderDraft o;
    private final GenerationContext ctx;
    private Long relationId;
    private Long specialId;
    private long parentBase;

    /** Draws the order's tracking: the buyer's binding, or a channel id nobody or an unloaded user bound. */
    TaobaoLines(OrderDraft o, SplittableRandom r, GenerationContext ctx) {
        this.o = o;
        this.ctx = ctx;
        Population pop = ctx.population();
        if (o.path() == OrderDraft.Path.DIRECT) {
            String rel = pop.value(TaobaoRules.RELATION_ID, o.buyer());
            String spe = pop.value(TaobaoRules.SPECIAL_ID, o.buyer());
            if (rel != null && (spe == null || r.nextInt(100) < 70)) {
                relationId = Long.parseLong(rel);
                if (spe == null && r.nextInt(100) < 4) {
                    // both ids present, pointing at different users: relation_id comes first
                    int other = r.nextInt(pop.userCount());
                    String otherSpecial = pop.value(TaobaoRules.SPECIAL_ID, other);
                    if (otherSpecial != null && other != o.buyer()) {
                        specialId = Long.parseLong(otherSpecial);
                    }
                }
            } else {
                specialId = Long.parseLong(spe);
            }
        } else {
            int t = r.nextInt(100);
            if (t < 15) {
                relationId = Long.parseLong(pop.unbound(r, TrackingKind.tenDigits())); // a channel id nobody bound
            } else if (t < 20) {
                relationId = Long.parseLong(pop.ghostValue(TaobaoRules.RELATION_ID, r)); // bound to an unloaded user
            }
        }
    }

    @Override
    public GeneratedLine line(SplittableRandom r, int k, long ordinal) {
        if (k == 0) {
            long block = SeedMath.permute(o.firstOrdinal(), 40, ctx.seed());
            parentBase = (1 + ctx.idDigit()) * 1_000_000_000_000_000_000L + block * 100_000L + r.nextInt(99_000);
        }
        String parentId = Long.toString(parentBase);
        String tradeId = Long.toString(parentBase + 10L * (k + 1) + r.nextInt(10));
        Item item = ctx.item(r, Platform.TAOBAO);
        int qty = quantity(r);
        long alipay = item.unitPriceFen() * qty;
        int rateBps = item.rate();
        long preFee = alipay * rateBps / 10_000;          // floor, like the sample rows
        int alimamaRateBps = 1_000;
        GeneratedLine line = new GeneratedLine(Platform.TAOBAO, tradeId, parentId, o.day(), ordinal, item.id(), o.pid(), o.created());
        Timeline tl = ctx.timeline(line);
        LineState s = new LineState();
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
        s.created = o.created();
        s.paid = o.paid();
        s.click = o.created().minusSeconds(60 + r.nextInt(540));
        s.adzoneId = Long.parseLong(o.pid());
        s.relationId = relationId;
        s.specialId = specialId;

        if (r.nextInt(100) < 3) {
            // not yet paid: rebatch skips these rows; half of them are never paid and close
            Instant paid = s.paid;
            s.paid = null;
            tl.add(o.created(), t -> s.row(11, t));
            if (r.nextBoolean()) {
                tl.add(plus(o.created(), r, 15 * MIN, 20 * HOUR), t -> s.row(13, t));
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
            refund(r, tl, line, s, settledAt);
        }
        return line;
    }

    private static void refund(SplittableRandom r, Timeline tl, GeneratedLine line, LineState s, Instant settledAt) {
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

    private static TaobaoRefundRow refundRow(LineState s, int status, BigDecimal commission, BigDecimal refundFee,
                                             BigDecimal finishPrice, Instant modified, Instant refundTime,
                                             Instant suitTime, Instant earning) {
        return new TaobaoRefundRow(Long.parseLong(s.tradeId), Long.parseLong(s.parentId), status, commission,
                BigDecimal.ZERO.setScale(4), refundFee, finishPrice, modified, refundTime, suitTime, earning, s.created,
                1, s.item.title(), s.relationId, s.specialId);
    }

    /** The evolving fields of a Taobao line. */
    private static final class LineState {
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
                    adzoneId, SITE_ID, PUB_ID, relationId, specialId);
        }
    }
}
