package io.rebatch.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-written test data shared by the domain tests: rule-set documents as the YAML loader hands
 * them over, and a builder for canonical order lines. Times are written as Asia/Shanghai local
 * time through {@link BusinessTime#parseLocal}, the way the platforms give them.
 */
final class Fixtures {
    private Fixtures() {
    }

    /** Shanghai local time {@code yyyy-MM-dd HH:mm:ss} as an instant. */
    static Instant sh(String local) {
        return BusinessTime.parseLocal(local);
    }

    /**
     * The rule-set document of SPEC §2.3 (the 2026-01 shape): NORMAL 5000, VIP 6500, SVIP 8000,
     * inviter 1000, grand-inviter 500, fees TAOBAO 0 / JD 0 / PDD 200, freeze 7 days, window 72 h.
     * Mutable, so a test can break one key.
     */
    static Map<String, Object> ruleDoc(String version, String effectiveFrom) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", version);
        doc.put("effective_from", effectiveFrom);
        doc.put("level_share_bps", new LinkedHashMap<>(Map.of("NORMAL", 5000, "VIP", 6500, "SVIP", 8000)));
        doc.put("inviter_share_bps", 1000);
        doc.put("grand_inviter_share_bps", 500);
        doc.put("platform_fee_bps", new LinkedHashMap<>(Map.of("TAOBAO", 0, "JD", 0, "PDD", 200)));
        doc.put("freeze_days", 7);
        doc.put("click_window_hours", 72);
        doc.put("monthly_tiers", List.of(
                Map.of("min_fen", 20000, "bonus_bps", 200),
                Map.of("min_fen", 100000, "bonus_bps", 500)));
        doc.put("min_withdraw_fen", 100);
        doc.put("max_withdraw_fen_per_day", 500000);
        return doc;
    }

    static RuleSet rules(String version, String effectiveFrom) {
        return RuleSet.fromMap(ruleDoc(version, effectiveFrom), "rules/" + version + ".yml");
    }

    /** The default rule set: {@link #ruleDoc} effective from 2026-01-01. */
    static RuleSet rules() {
        return rules("2026-01", "2026-01-01");
    }

    static LineBuilder line() {
        return new LineBuilder();
    }

    /** A Taobao line, PAID, created and paid 2026-11-25 13:45:12 Shanghai, estimate 1234 fen. */
    static final class LineBuilder {
        Platform platform = Platform.TAOBAO;
        String orderLineId = "123";
        String itemId = "I1";
        long estimatedIncomeFen = 1234;
        Long settledIncomeFen;
        LineStatus status = LineStatus.PAID;
        Instant createdAt = sh("2026-11-25 13:45:12");
        Instant paidAt = createdAt;
        Instant settledAt;
        Instant modifiedAt = createdAt;
        String pid = "adz1";
        String relationId;
        String specialId;
        String subUnionId;
        String customUid;
        String source = "test";

        LineBuilder platform(Platform p) { platform = p; return this; }
        LineBuilder id(String id) { orderLineId = id; return this; }
        LineBuilder item(String id) { itemId = id; return this; }
        LineBuilder estimate(long fen) { estimatedIncomeFen = fen; return this; }
        LineBuilder status(LineStatus s) { status = s; return this; }
        LineBuilder created(Instant t) { createdAt = t; return this; }
        LineBuilder paid(Instant t) { paidAt = t; return this; }
        LineBuilder modified(Instant t) { modifiedAt = t; return this; }
        LineBuilder pid(String p) { pid = p; return this; }
        LineBuilder relationId(String v) { relationId = v; return this; }
        LineBuilder specialId(String v) { specialId = v; return this; }
        LineBuilder subUnionId(String v) { subUnionId = v; return this; }
        LineBuilder customUid(String v) { customUid = v; return this; }
        LineBuilder source(String s) { source = s; return this; }

        /** SETTLED with the given settled income at the given time. */
        LineBuilder settled(long fen, Instant at) {
            status = LineStatus.SETTLED;
            settledIncomeFen = fen;
            settledAt = at;
            return this;
        }

        OrderLine build() {
            return new OrderLine(platform, orderLineId, "P" + orderLineId, itemId, "item " + itemId, 1, 9900, 2000,
                    estimatedIncomeFen, settledIncomeFen, status, createdAt, paidAt, null, settledAt, modifiedAt,
                    pid, relationId, specialId, subUnionId, customUid, source);
        }
    }
}
