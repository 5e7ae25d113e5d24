package io.rebatch.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All rule sets, ordered by {@code effective_from}. A line uses the set in force on its paid_at
 * business date; month close uses the set in force on the month's last day (SPEC §2.3).
 */
public final class RuleSets {
    private final List<RuleSet> sets;

    private RuleSets(List<RuleSet> sets) {
        this.sets = sets;
    }

    /** Validates the collection: at least one set, unique versions, unique effective_from dates. */
    public static RuleSets of(List<RuleSet> sets) {
        if (sets.isEmpty()) {
            throw new BadInputException("no rule sets found");
        }
        List<RuleSet> sorted = new ArrayList<>(sets);
        sorted.sort(Comparator.comparing(RuleSet::effectiveFrom));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).effectiveFrom().equals(sorted.get(i - 1).effectiveFrom())) {
                throw new BadInputException("rule sets '" + sorted.get(i - 1).version() + "' and '" + sorted.get(i).version()
                        + "' share effective_from " + sorted.get(i).effectiveFrom());
            }
        }
        long distinctVersions = sorted.stream().map(RuleSet::version).distinct().count();
        if (distinctVersions != sorted.size()) {
            throw new BadInputException("two rule sets share a version label");
        }
        return new RuleSets(List.copyOf(sorted));
    }

    /** The set in force on business date d; a clear error when d precedes every set. */
    public RuleSet inForceOn(LocalDate d) {
        RuleSet found = null;
        for (RuleSet s : sets) {
            if (!s.effectiveFrom().isAfter(d)) {
                found = s;
            }
        }
        if (found == null) {
            throw new BadInputException("no rule set is in force on " + d + " (earliest effective_from is "
                    + sets.get(0).effectiveFrom() + ")");
        }
        return found;
    }

    public List<RuleSet> all() {
        return sets;
    }

    /**
     * A digest (SHA-256, hex) of everything in the rule sets that a line's settlement depends on: version,
     * effective date, level, inviter and grand-inviter shares, platform fees, freeze days and click window — not the
     * month-close tiers or the withdrawal limits. Settle compares it with the digest of its last full run: a changed
     * rule set makes the next settle evaluate every line again (a line's due date cannot foresee a new rule).
     */
    public String settleDigest() {
        StringBuilder canonical = new StringBuilder();
        for (RuleSet s : sets) {
            canonical.append(s.version()).append('|').append(s.effectiveFrom()).append('|');
            new TreeMap<>(s.levelShareBps()).forEach((l, bps) -> canonical.append(l).append('=').append(bps).append(','));
            canonical.append('|').append(s.inviterShareBps()).append('|').append(s.grandInviterShareBps()).append('|');
            Map<String, Integer> fees = new TreeMap<>();
            s.platformFeeBps().forEach((p, bps) -> fees.put(p.name(), bps));
            fees.forEach((p, bps) -> canonical.append(p).append('=').append(bps).append(','));
            canonical.append('|').append(s.freezeDays()).append('|').append(s.clickWindowHours()).append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
