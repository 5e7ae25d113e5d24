package io.rebatch.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * One versioned commission rule set (SPEC §2.3). Built only through {@link #fromMap}, which checks
 * every key: a missing or unknown key, a bad value, or a level share plus both referral shares
 * above 10000 bp is a {@link BadInputException} naming the rule set and the key.
 */
public record RuleSet(
        String version,
        LocalDate effectiveFrom,
        Map<Level, Integer> levelShareBps,
        int inviterShareBps,
        int grandInviterShareBps,
        Map<Platform, Integer> platformFeeBps,
        int freezeDays,
        int clickWindowHours,
        List<Tier> monthlyTiers,
        long minWithdrawFen,
        long maxWithdrawFenPerDay) {

    /** A month-close tier: a buyer whose settled rebates S reach {@code minFen} gets {@code share(S, bonusBps)}. */
    public record Tier(long minFen, int bonusBps) {
    }

    static final Set<String> KEYS = Set.of("version", "effective_from", "level_share_bps", "inviter_share_bps",
            "grand_inviter_share_bps", "platform_fee_bps", "freeze_days", "click_window_hours", "monthly_tiers",
            "min_withdraw_fen", "max_withdraw_fen_per_day");

    public int levelShareBps(Level level) {
        return levelShareBps.get(level);
    }

    /**
     * The platform's fee: the rule set's own, or the platform's documented default
     * ({@link PlatformRules#defaultFeeBps()}) when the set does not name it. A platform the set could not
     * know (not registered when it was loaded) is refused.
     */
    public int platformFeeBps(Platform platform) {
        Integer fee = platformFeeBps.get(platform);
        if (fee == null) {
            throw new BadInputException("rule set " + version + " has no platform_fee_bps for " + platform
                    + ": add it before settling " + platform + " lines");
        }
        return fee;
    }

    /** The highest tier reached by S, if any. */
    public long tierBonusFen(long settledBuyerFen) {
        Tier best = null;
        for (Tier t : monthlyTiers) {
            if (settledBuyerFen >= t.minFen() && (best == null || t.minFen() > best.minFen())) {
                best = t;
            }
        }
        return best == null ? 0 : ShareSplit.share(settledBuyerFen, best.bonusBps());
    }

    /**
     * Builds and validates a rule set from the parsed YAML document.
     *
     * @param source where the document came from (file name), for messages
     */
    public static RuleSet fromMap(Map<String, ?> doc, String source) {
        if (doc == null) {
            throw new BadInputException(source + ": empty rule set");
        }
        Set<String> unknown = new LinkedHashSet<>(doc.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new BadInputException(source + ": unknown key(s) " + unknown);
        }
        for (String k : KEYS) {
            if (!doc.containsKey(k) || doc.get(k) == null) {
                throw new BadInputException(source + ": missing key '" + k + "'");
            }
        }
        String version = String.valueOf(doc.get("version"));
        LocalDate effectiveFrom;
        try {
            effectiveFrom = LocalDate.parse(String.valueOf(doc.get("effective_from")));
        } catch (DateTimeParseException e) {
            throw new BadInputException(source + ": effective_from '" + doc.get("effective_from") + "' is not a date yyyy-MM-dd");
        }
        Map<Level, Integer> levels = new EnumMap<>(Level.class);
        Map<?, ?> levelDoc = map(doc, "level_share_bps", source);
        for (Map.Entry<?, ?> e : levelDoc.entrySet()) {
            Level level;
            try {
                level = Level.valueOf(String.valueOf(e.getKey()));
            } catch (IllegalArgumentException ex) {
                throw new BadInputException(source + ": level_share_bps has unknown level '" + e.getKey() + "'");
            }
            levels.put(level, bps(e.getValue(), "level_share_bps." + e.getKey(), source));
        }
        for (Level l : Level.values()) {
            if (!levels.containsKey(l)) {
                throw new BadInputException(source + ": level_share_bps is missing level " + l);
            }
        }
        int inviter = bps(doc.get("inviter_share_bps"), "inviter_share_bps", source);
        int grand = bps(doc.get("grand_inviter_share_bps"), "grand_inviter_share_bps", source);
        for (Map.Entry<Level, Integer> e : levels.entrySet()) {
            if (e.getValue() + inviter + grand > Rates.MAX_BPS) {
                throw new BadInputException(source + ": level " + e.getKey() + " share " + e.getValue()
                        + " + inviter " + inviter + " + grand-inviter " + grand + " exceeds 10000 bp");
            }
        }
        Map<Platform, Integer> fees = new TreeMap<>();
        Map<?, ?> feeDoc = map(doc, "platform_fee_bps", source);
        for (Map.Entry<?, ?> e : feeDoc.entrySet()) {
            Platform p;
            try {
                p = Platform.parse(String.valueOf(e.getKey()));
            } catch (IllegalArgumentException ex) {
                throw new BadInputException(source + ": platform_fee_bps has unknown platform '" + e.getKey() + "'");
            }
            fees.put(p, bps(e.getValue(), "platform_fee_bps." + e.getKey(), source));
        }
        for (Platform p : Platforms.all()) {
            if (!fees.containsKey(p)) {
                OptionalInt fallback = Platforms.rules(p).defaultFeeBps();
                if (fallback.isEmpty()) {
                    throw new BadInputException(source + ": platform_fee_bps is missing platform " + p);
                }
                fees.put(p, fallback.getAsInt());
            }
        }
        int freezeDays = smallInt(doc.get("freeze_days"), "freeze_days", source);
        int window = smallInt(doc.get("click_window_hours"), "click_window_hours", source);
        Object tiersDoc = doc.get("monthly_tiers");
        if (!(tiersDoc instanceof List<?> tierList)) {
            throw new BadInputException(source + ": monthly_tiers must be a list");
        }
        List<Tier> tiers = new ArrayList<>();
        for (Object o : tierList) {
            if (!(o instanceof Map<?, ?> t) || !t.keySet().equals(Set.of("min_fen", "bonus_bps"))) {
                throw new BadInputException(source + ": each monthly tier needs exactly min_fen and bonus_bps, got " + o);
            }
            tiers.add(new Tier(nonNegative(t.get("min_fen"), "monthly_tiers.min_fen", source),
                    bps(t.get("bonus_bps"), "monthly_tiers.bonus_bps", source)));
        }
        tiers.sort(Comparator.comparingLong(Tier::minFen));
        long minWithdraw = nonNegative(doc.get("min_withdraw_fen"), "min_withdraw_fen", source);
        long maxPerDay = nonNegative(doc.get("max_withdraw_fen_per_day"), "max_withdraw_fen_per_day", source);
        return new RuleSet(version, effectiveFrom, Map.copyOf(levels), inviter, grand, Map.copyOf(fees), freezeDays,
                window, List.copyOf(tiers), minWithdraw, maxPerDay);
    }

    private static Map<?, ?> map(Map<String, ?> doc, String key, String source) {
        if (!(doc.get(key) instanceof Map<?, ?> m)) {
            throw new BadInputException(source + ": " + key + " must be a map");
        }
        return m;
    }

    private static int bps(Object value, String key, String source) {
        long v = nonNegative(value, key, source);
        if (v > Rates.MAX_BPS) {
            throw new BadInputException(source + ": " + key + " = " + v + " exceeds 10000 bp");
        }
        return (int) v;
    }

    private static int smallInt(Object value, String key, String source) {
        long v = nonNegative(value, key, source);
        if (v > 100_000) {
            throw new BadInputException(source + ": " + key + " = " + v + " is out of range (0..100000)");
        }
        return (int) v;
    }

    private static long nonNegative(Object value, String key, String source) {
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new BadInputException(source + ": " + key + " must be a whole number, got '" + value + "'");
        }
        long v = ((Number) value).longValue();
        if (v < 0) {
            throw new BadInputException(source + ": " + key + " must not be negative, got " + v);
        }
        return v;
    }
}
