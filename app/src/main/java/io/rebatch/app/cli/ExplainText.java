package io.rebatch.app.cli;

import static io.rebatch.app.cli.OpsText.quote;
import static io.rebatch.app.cli.OpsText.time;

import io.rebatch.domain.BalanceCheck;
import io.rebatch.domain.Bucket;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.LedgerDiff;
import io.rebatch.domain.Level;
import io.rebatch.domain.LineStatus;
import io.rebatch.domain.Money;
import io.rebatch.domain.Role;
import io.rebatch.domain.RuleSet;
import io.rebatch.domain.ShareSplit;
import io.rebatch.writers.ops.ExplainReads.Entry;
import io.rebatch.writers.ops.ExplainReads.LineTrace;
import io.rebatch.writers.ops.ExplainReads.TierRow;
import io.rebatch.writers.ops.ExplainReads.UserRow;
import io.rebatch.writers.ops.ExplainReads.WithdrawalRow;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The text of {@code rebatch explain} (format in {@link ExplainCommand}): a user's entries grouped by what they
 * are for — an order line and role, a withdrawal, a month's tier bonus, anything else by its entry key — each
 * group headed by its trace, then the totals per bucket against the balance row. Pure: rows in, lines out, and
 * the buckets whose entries do not sum to the balance.
 */
final class ExplainText {
    private ExplainText() {
    }

    /** The lines to print and the mismatching buckets (always empty for a month's listing). */
    record Result(List<String> lines, List<BalanceCheck.Mismatch> mismatches) {
    }

    /**
     * @param rules   the rule set in force on a date, or null when none is (or the rule files cannot be read)
     * @param month   null for the whole balance; else the entries are that month's and no balance check is made
     * @param balance the balance row (Bucket order), all zero when the user has none
     */
    static Result explain(long userId, UserRow user, long[] balance, List<Entry> entries,
                          List<WithdrawalRow> withdrawals, List<TierRow> tiers, Function<LocalDate, RuleSet> rules,
                          YearMonth month) {
        List<String> out = new ArrayList<>();
        out.add("explain user " + userId + " level=" + quote(user == null ? null : user.level())
                + " inviter=" + (user == null || user.inviterId() == null ? "-" : user.inviterId())
                + (month == null ? "" : " month=" + month) + " entries=" + entries.size());
        Map<String, List<Entry>> groups = new LinkedHashMap<>();
        for (String kind : List.of("LINE", "WDR", "TIER", "")) {
            for (Entry e : entries) {
                if (kind.equals(kindOf(e))) {
                    groups.computeIfAbsent(groupOf(e), k -> new ArrayList<>()).add(e);
                }
            }
        }
        BalanceCheck check = new BalanceCheck();
        for (List<Entry> group : groups.values()) {
            Entry first = group.get(0);
            String kind = kindOf(first);
            String rule = "-";
            if (kind.equals("LINE")) {
                rule = lineHead(out, first, rules);
            } else if (kind.equals("WDR")) {
                withdrawalHead(out, first, withdrawals);
            } else if (kind.equals("TIER")) {
                tierHead(out, first, tiers);
            } else {
                out.add("other " + quote(first.refType()) + " key=" + quote(first.entryKey()));
            }
            long[] sums = new long[Bucket.values().length];
            boolean[] touched = new boolean[sums.length];
            for (Entry e : group) {
                Bucket b = Bucket.valueOf(e.bucket());
                check.add(b, e.amountFen());
                sums[b.ordinal()] += e.amountFen();
                touched[b.ordinal()] = true;
                out.add(entryLine(e, kind, rule));
            }
            StringBuilder sum = new StringBuilder("  sum");
            for (Bucket b : Bucket.values()) {
                if (touched[b.ordinal()]) {
                    sum.append(' ').append(amount(b.name().toLowerCase(Locale.ROOT), sums[b.ordinal()]));
                }
            }
            out.add(sum.toString());
        }
        if (entries.isEmpty()) {
            out.add("no ledger entries");
        }
        if (month != null) {
            for (Bucket b : Bucket.values()) {
                out.add("month " + month + " " + b + " " + amount("sum", check.sumFen(b)));
            }
            out.add("month " + month + ": sums of the month's entries only, no balance check (run without --month)");
            return new Result(out, List.of());
        }
        List<BalanceCheck.Mismatch> mismatches = check.mismatches(balance);
        for (Bucket b : Bucket.values()) {
            boolean ok = mismatches.stream().noneMatch(m -> m.bucket() == b);
            out.add("total " + b + " " + amount("entries", check.sumFen(b)) + (ok ? " = " : " != ")
                    + "balance " + amount("balance", balance[b.ordinal()]) + (ok ? "" : " MISMATCH"));
        }
        return new Result(out, mismatches);
    }

    /** {@code LINE}, {@code WDR}, {@code TIER}, or "" for any other reference type. */
    private static String kindOf(Entry e) {
        String t = e.refType() == null ? "" : e.refType();
        if (t.equals("LINE") && e.orderLineId() != null && e.role() != null) {
            return t;
        }
        if (t.equals("WDR") && e.entryKey().startsWith("W:") && e.entryKey().split(":").length >= 2) {
            return t;
        }
        return t.equals("TIER") ? t : "";
    }

    private static String groupOf(Entry e) {
        return switch (kindOf(e)) {
            case "LINE" -> "L " + e.platform() + ":" + e.orderLineId() + " " + e.role();
            case "WDR" -> "W " + e.entryKey().split(":")[1];
            case "TIER" -> "T " + tierMonth(e.entryKey());
            default -> "O " + e.entryKey();
        };
    }

    /** The head of a line group: the stored snapshot, how it was priced, who decided it, refund, hold. */
    private static String lineHead(List<String> out, Entry e, Function<LocalDate, RuleSet> rules) {
        String line = e.platform() + ":" + e.orderLineId();
        LineTrace t = e.line();
        if (t == null) {
            out.add("line " + line + " role=" + e.role() + " status=- (the order line is not stored)");
            return "-";
        }
        out.add("line " + line + " role=" + e.role() + " status=" + t.status() + " item=" + quote(t.itemId())
                + " snapshot=" + time(t.modifiedAt()) + "/" + t.status() + " source=" + quote(t.source())
                + " paid_at=" + time(t.paidAt()) + " settled_at=" + time(t.settledAt()));
        LocalDate ruleDate = BusinessTime.dateOf(t.paidAt() != null ? t.paidAt() : t.createdAt());
        RuleSet set = rules.apply(ruleDate);
        Role role = Role.valueOf(e.role());
        Long shareFen = switch (role) {
            case BUYER -> t.buyerFen();
            case INVITER -> t.inviterFen();
            case GRAND_INVITER -> t.grandInviterFen();
        };
        StringBuilder priced = new StringBuilder("  priced rule=").append(set == null ? "-" : quote(set.version()))
                .append(" rule_date=").append(ruleDate);
        if (set != null && t.buyerLevel() != null) {
            int bps = ShareSplit.bpsOf(set, role, Level.valueOf(t.buyerLevel()));
            priced.append(" buyer_level=").append(t.buyerLevel()).append(" share_bps=").append(bps);
            if (t.incomeFen() != null && shareFen != null && ShareSplit.share(t.incomeFen(), bps) != shareFen) {
                priced.append(" recomputed_share_fen=").append(ShareSplit.share(t.incomeFen(), bps));
            }
        }
        priced.append(' ').append(amount("income", t.incomeFen())).append(' ').append(amount("share", shareFen));
        if (set != null) {
            priced.append(" freeze_days=").append(set.freezeDays()).append(" available_from=")
                    .append(t.settledAt() == null ? "-" : BusinessTime.dateOf(t.settledAt()).plusDays(set.freezeDays()));
        }
        priced.append(" bucket=").append(quote(t.bucket())).append(" last_settled_on=")
                .append(t.settledOn() == null ? "-" : t.settledOn());
        out.add(priced.toString());
        String by = t.clickId() != null ? "click " + t.clickId()
                : t.bindingKind() != null ? "binding " + t.bindingKind() + "=" + t.bindingValue()
                : t.method() == null ? null : "not recorded (attributed before V9)";
        StringBuilder decided = new StringBuilder("  decided method=").append(quote(t.method()))
                .append(" by=").append(quote(by));
        if (t.clickId() != null) {
            decided.append(" clicked_at=").append(time(t.clickedAt())).append(" pid=").append(quote(t.clickPid()));
        }
        decided.append(" attributed_on=").append(t.attributedOn() == null ? "-" : t.attributedOn())
                .append(" unverified=").append(t.unverified() ? "yes" : "no");
        out.add(decided.toString());
        if (t.refundStatus() != null) {
            out.add("  refund " + amount("refund", t.refundFen()) + " refund_status=" + t.refundStatus()
                    + " at=" + time(t.refundModifiedAt()) + " source=" + quote(t.refundSource()));
        }
        if (t.heldReason() != null) {
            out.add("  held reason=" + quote(t.heldReason()));
        }
        return set == null ? "-" : quote(set.version());
    }

    private static void withdrawalHead(List<String> out, Entry e, List<WithdrawalRow> withdrawals) {
        String id = e.entryKey().split(":")[1];
        WithdrawalRow w = withdrawals.stream().filter(r -> String.valueOf(r.withdrawalId()).equals(id)).findFirst()
                .orElse(null);
        if (w == null) {
            out.add("withdrawal " + id + " status=- (no such withdrawal row)");
            return;
        }
        out.add("withdrawal " + id + " " + amount("amount", w.amountFen()) + " status=" + w.status()
                + " requested_on=" + w.requestedOn() + " batch=" + quote(w.batchNo()) + " transfer=" + quote(w.transferNo())
                + " reason=" + quote(w.reason()));
    }

    private static void tierHead(List<String> out, Entry e, List<TierRow> tiers) {
        String m = tierMonth(e.entryKey());
        TierRow t = tiers.stream().filter(r -> r.month().equals(m)).findFirst().orElse(null);
        out.add("tier-bonus " + m + (t == null ? " (no tier_bonus row)"
                : " " + amount("settled_buyer", t.settledBuyerFen()) + " " + amount("bonus", t.bonusFen())
                + " revision=" + t.revision()));
    }

    /** {@code TIER:user:M} or {@code TIER:user:M:n} → M. */
    private static String tierMonth(String key) {
        String[] k = key.split(":");
        return k.length >= 3 ? k[2] : key;
    }

    private static String entryLine(Entry e, String kind, String rule) {
        StringBuilder sb = new StringBuilder("  entry ").append(e.entryId()).append(" date=").append(e.businessDate())
                .append(" bucket=").append(e.bucket()).append(' ').append(signed("amount", e.amountFen()));
        switch (kind) {
            case "LINE" -> {
                sb.append(" line=").append(e.platform()).append(':').append(e.orderLineId()).append(" role=")
                        .append(e.role()).append(" rule=").append(rule);
                LedgerDiff.LineKey key = LedgerDiff.parseLineKey(e.entryKey());
                if (key != null) {
                    sb.append(" snapshot=").append(time(key.version().modifiedAt())).append('/')
                            .append(rank(key.version().statusRank())).append(" revision=").append(key.revision());
                } else {
                    sb.append(" key=").append(quote(e.entryKey()));
                }
            }
            case "WDR" -> {
                String[] k = e.entryKey().split(":");
                sb.append(" withdrawal=").append(k[1]).append(" step=").append(k.length > 2 ? k[2] : "-");
            }
            case "TIER" -> sb.append(" tier_month=").append(tierMonth(e.entryKey())).append(" key=").append(quote(e.entryKey()));
            default -> sb.append(" key=").append(quote(e.entryKey()));
        }
        return sb.append(" execution=").append(e.jobExecutionId() == null ? "-" : e.jobExecutionId()).toString();
    }

    private static String rank(int rank) {
        try {
            return LineStatus.ofRank(rank).name();
        } catch (IllegalArgumentException ex) {
            return "rank" + rank;
        }
    }

    /** {@code name_fen=780 name_yuan=7.80}; {@code name_fen=-} when unknown. */
    static String amount(String name, Long fen) {
        return fen == null ? name + "_fen=- " + name + "_yuan=-"
                : name + "_fen=" + fen + " " + name + "_yuan=" + Money.formatYuan(fen);
    }

    /** Like {@link #amount}, with a {@code +} on a positive amount. */
    static String signed(String name, long fen) {
        String plus = fen > 0 ? "+" : "";
        return name + "_fen=" + plus + fen + " " + name + "_yuan=" + plus + Money.formatYuan(fen);
    }
}
