package io.rebatch.sandbox.pdd;

import io.rebatch.domain.pdd.PddRules;
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

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import static io.rebatch.sandbox.generator.LineDraws.DAY;
import static io.rebatch.sandbox.generator.LineDraws.HOUR;
import static io.rebatch.sandbox.generator.LineDraws.halfUpDiv;
import static io.rebatch.sandbox.generator.LineDraws.plus;
import static io.rebatch.sandbox.generator.LineDraws.quantity;

/**
 * The line of one Pinduoduo order (one line an order): its tracking ({@code custom_parameters} with
 * the app's uid), its {@code order_sn}, and its {@code order_status} life cycle (-1 unpaid, 0 paid,
 * 1 grouped, 2 received, 3 verified, 5 settled, 4 / 8 / 10 failed).
 * {@code promotion_amount = half-up(order_amount × rate‰)}.
 */
final class PddLines implements OrderLines {
    private static final ZoneOffset SHANGHAI_OFFSET = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter SN_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final OrderDraft o;
    private final GenerationContext ctx;
    private final String customParameters;

    /** Draws the order's tracking: the buyer's uid, one nobody or an unloaded user bound, or none ("" / "-1"). */
    PddLines(OrderDraft o, SplittableRandom r, GenerationContext ctx) {
        this.o = o;
        this.ctx = ctx;
        Population pop = ctx.population();
        if (o.path() == OrderDraft.Path.DIRECT) {
            customParameters = custom(pop.value(PddRules.CUSTOM_PARAMETERS_UID, o.buyer()));
        } else {
            int t = r.nextInt(100);
            customParameters = t < 40 ? "" : t < 80 ? "-1"
                    : t < 92 ? custom(pop.unbound(r, PddSimulator.UID))
                    : custom(pop.ghostValue(PddRules.CUSTOM_PARAMETERS_UID, r));
        }
    }

    private static String custom(String uid) {
        return "{\"uid\": \"" + uid + "\", \"sid\": \"app\"}";
    }

    @Override
    public GeneratedLine line(SplittableRandom r, int k, long ordinal) {
        long block = SeedMath.permute(ordinal, 36, ctx.seed());
        long digits = (1 + ctx.idDigit()) * 100_000_000_000_000L + block * 1_000L + r.nextInt(1_000);
        String sn = SN_DATE.format(ZonedDateTime.ofInstant(o.created(), SHANGHAI_OFFSET)) + "-" + digits;
        Item item = ctx.item(r, Platform.PDD);
        LineState s = new LineState();
        s.sn = sn;
        s.orderId = Long.toString(100_000_000_000L + ordinal);
        s.item = item;
        s.qty = quantity(r);
        s.amount = item.unitPriceFen() * s.qty;
        s.promotion = halfUpDiv(s.amount * item.rate(), 1_000);
        s.created = o.created();
        s.pid = o.pid();
        s.custom = customParameters;
        GeneratedLine line = new GeneratedLine(Platform.PDD, sn, sn, o.day(), ordinal, item.id(), o.pid(), o.created());
        Timeline tl = ctx.timeline(line);
        if (r.nextInt(100) < 3) {
            tl.add(o.created(), t -> s.row(-1, t));
            if (r.nextInt(100) < 60) {
                return line;
            }
        }
        if (!tl.add(o.paid(), t -> {
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

    private static final class LineState {
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
}
