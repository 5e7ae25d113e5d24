package io.rebatch.app.cli;

import io.rebatch.domain.BalanceCheck;
import io.rebatch.domain.RuleSet;
import io.rebatch.domain.RuleSets;
import io.rebatch.jobs.common.RuleSetProvider;
import io.rebatch.writers.ops.ExplainReads;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code rebatch explain --user ID [--month YYYY-MM]}: "why is my balance this much?" — every ledger entry on the
 * user's account, grouped by what it is for and traced to its source, then the totals per bucket against the
 * user's {@code user_balance} row. Read-only. Amounts are {@code <name>_fen=…} with {@code <name>_yuan=…} beside
 * them, times Asia/Shanghai with offset, fields {@code key=value} ({@code "..."} around values with spaces,
 * {@code -} for none):
 * <pre>
 * explain user 6 level=VIP inviter=5 entries=3
 * line TAOBAO:1001 role=BUYER status=SETTLED item=I1 snapshot=2026-10-25T10:00:00.000+08:00/SETTLED source="taobao-2026-10-31.csv:4" paid_at=… settled_at=…
 *   priced rule=2026-01 rule_date=2026-10-19 buyer_level=VIP share_bps=6500 income_fen=1200 income_yuan=12.00 share_fen=780 share_yuan=7.80 freeze_days=7 available_from=2026-11-01 bucket=AVAILABLE last_settled_on=2026-11-25
 *   decided method=CLICK by="click 30" clicked_at=… pid=adz1 attributed_on=2026-10-20 unverified=no
 *   refund refund_fen=100 refund_yuan=1.00 refund_status=… at=… source=…          (when the line has a refund)
 *   held reason="…"                                                              (when the line is held)
 *   entry 12 date=2026-10-20 bucket=PENDING amount_fen=+780 amount_yuan=+7.80 line=TAOBAO:1001 role=BUYER rule=2026-01 snapshot=…/PAID revision=1 execution=7
 *   sum pending_fen=0 pending_yuan=0.00 available_fen=780 available_yuan=7.80
 * withdrawal 17 amount_fen=500 amount_yuan=5.00 status=REQUESTED requested_on=… batch=- transfer=- reason=-
 *   entry 40 date=… bucket=AVAILABLE amount_fen=-500 amount_yuan=-5.00 withdrawal=17 step=REQUEST execution=-
 * tier-bonus 2026-10 settled_buyer_fen=… bonus_fen=… revision=1
 * other REF_TYPE key=…                                                           (any other kind of entry)
 * total PENDING entries_fen=0 entries_yuan=0.00 = balance balance_fen=0 balance_yuan=0.00
 * </pre>
 * A line group is one order line and role (entries in posting order); its head shows the stored (latest) snapshot
 * and the file or archived API page it came from, the rule set in force on its rule date (the paid_at date) with
 * the role's share in bp (and {@code recomputed_share_fen} if that set no longer gives the stored share), the
 * attribution and the binding or click that decided it ({@code not recorded} for lines attributed before V9),
 * the freeze and last settle dates, the latest refund. Each entry names the snapshot version it posted for (from
 * its entry key; earlier snapshots' sources are not kept, only the latest snapshot of a line is stored).
 *
 * <p>Exit 0 when every bucket's entries sum to the balance ({@code total B … = balance …} for each of PENDING,
 * AVAILABLE, WITHDRAWING, PAID). Exit 1 when one does not: its total line says {@code != … MISMATCH} and stderr has
 * one line {@code rebatch: explain user N: B entries sum to X fen but the balance holds Y fen}. With
 * {@code --month M} only entries of business dates in M are listed, followed by {@code month M B sum_fen=…} per
 * bucket — a month's sum, not a balance check (exit 0). Exit 3 with {@code rebatch: no user N (not in the app data,
 * nothing in the ledger)} for a user neither the app data nor the ledger knows (like {@code report}: a well-formed
 * question about something that is not there); exit 2 for a bad option.
 */
@Command(name = "explain", description = "Why a user's balance is what it is: every ledger entry, traced to its order"
        + " line, rule set, attribution and source, summed per bucket against the balance.")
class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--user", required = true, paramLabel = "ID")
    long userId;

    @Option(names = "--month", paramLabel = "YYYY-MM", description = "Only entries of business dates in this month"
            + " (prints the month's sums, no balance check)")
    YearMonth month;

    @Override
    public Integer call() {
        if (userId <= 0) {
            throw new IllegalArgumentException("--user must be a positive user id, got " + userId);
        }
        ExplainReads reads = new ExplainReads(root.bean(JdbcTemplate.class));
        var user = reads.user(userId);
        Optional<long[]> balance = reads.balance(userId);
        PrintWriter err = root.spec.commandLine().getErr();
        if (user.isEmpty() && balance.isEmpty()) {
            err.println("rebatch: no user " + userId + " (not in the app data, nothing in the ledger)");
            err.flush();
            return RebatchCommand.REFUSED;
        }
        LocalDate from = month == null ? null : month.atDay(1);
        LocalDate to = month == null ? null : month.atEndOfMonth();
        ExplainText.Result result = ExplainText.explain(userId, user.orElse(null), balance.orElse(new long[4]),
                reads.entries(userId, from, to), reads.withdrawals(userId), reads.tierBonuses(userId), rules(), month);
        PrintWriter out = root.out();
        result.lines().forEach(out::println);
        out.flush();
        if (!result.mismatches().isEmpty()) {
            err.println("rebatch: explain user " + userId + ": " + result.mismatches().stream()
                    .map(BalanceCheck.Mismatch::describe).collect(Collectors.joining("; ")));
            err.flush();
            return RebatchCommand.JOB_FAILED;
        }
        return RebatchCommand.OK;
    }

    /** The rule set in force on a date, or null (none in force, or the rule files cannot be read: explain still runs). */
    private Function<LocalDate, RuleSet> rules() {
        RuleSets sets;
        try {
            sets = root.bean(RuleSetProvider.class).get();
        } catch (RuntimeException e) {
            return d -> null;
        }
        return d -> {
            try {
                return sets.inForceOn(d);
            } catch (RuntimeException e) {
                return null;
            }
        };
    }
}
