package io.rebatch.app;

import static io.rebatch.app.WithdrawalConcurrencyIT.ACCOUNT;
import static io.rebatch.app.WithdrawalConcurrencyIT.CAP_FEN;
import static io.rebatch.app.WithdrawalConcurrencyIT.MAX_SMALL_FEN;
import static io.rebatch.app.WithdrawalConcurrencyIT.MIN_FEN;
import static io.rebatch.app.WithdrawalConcurrencyIT.NAME;

import io.rebatch.domain.payout.WithdrawalRules.Refusal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;

/**
 * What one case of {@link WithdrawalConcurrencyIT} tried and what it was answered (thread-safe: callers record
 * from many threads), and the checks of the tables against it: no overdraft at any point, accepted money moved
 * exactly once, the daily cap held, every request answered with an acceptance or a valid refusal.
 */
final class WithdrawalTally {
    /** One request a case sends (payee {@link WithdrawalConcurrencyIT#ACCOUNT}, {@link WithdrawalConcurrencyIT#NAME}). */
    record Attempt(long userId, long amountFen, String key) {
        /**
         * {@code workers} lists of {@code each} requests with distinct keys, each for one of the users at random:
         * 1 in 10 below the minimum, 1 in 10 above the cap, the rest 1–30 yuan.
         */
        static List<List<Attempt>> plan(Random random, int workers, int each, String prefix, long... users) {
            List<List<Attempt>> plan = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                List<Attempt> list = new ArrayList<>();
                for (int n = 0; n < each; n++) {
                    int kind = random.nextInt(10);
                    long amount = kind == 0 ? 1 + random.nextInt((int) MIN_FEN - 1)
                            : kind == 1 ? CAP_FEN + 1 + random.nextInt(40_000)
                            : MIN_FEN + random.nextInt((int) (MAX_SMALL_FEN - MIN_FEN + 1));
                    list.add(new Attempt(users[random.nextInt(users.length)], amount, prefix + w + "-" + n));
                }
                plan.add(list);
            }
            return plan;
        }

        /** The CLI command (without global options) that sends this request. */
        String cliCommand() {
            return "withdraw --user " + userId + " --amount-fen " + amountFen + " --account " + ACCOUNT + " --name "
                    + NAME + " --key " + key;
        }
    }

    /** The user's balance row: available and withdrawing. */
    record Balance(long availableFen, long withdrawingFen) {
        static Balance of(String url, long userId) {
            String[] f = LedgerInvariants.rows(url, "SELECT available_fen, withdrawing_fen FROM user_balance"
                    + " WHERE user_id = " + userId).get(0).split("\\|");
            return new Balance(Long.parseLong(f[0]), Long.parseLong(f[1]));
        }
    }

    private static final Pattern ACCEPTED = Pattern.compile("^withdraw: accepted W(\\d{12}) ");
    private static final Pattern REFUSED = Pattern.compile("^rebatch: withdraw refused: ([A-Z_]+): ");

    private final Map<Long, Balance> before = new LinkedHashMap<>();
    private final Map<Long, Map<Long, Long>> acceptedByUser = new TreeMap<>(); // user -> withdrawal id -> amount
    private final Map<String, Integer> refusedByReason = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();
    private int tried;
    private int accepted;
    private int refused;

    /** Reads the users' balances before the case. */
    WithdrawalTally(String url, List<Long> users) {
        for (long u : users) {
            before.put(u, Balance.of(url, u));
            acceptedByUser.put(u, new TreeMap<>());
        }
    }

    synchronized void accepted(Attempt a, long withdrawalId, long amountFen) {
        tried++;
        accepted++;
        if (amountFen != a.amountFen()) {
            problems.add(a + " answered with withdrawal " + withdrawalId + " of " + amountFen + " fen");
        }
        if (acceptedByUser.get(a.userId()).put(withdrawalId, amountFen) != null) {
            problems.add(a + " answered with withdrawal " + withdrawalId + ", already another request's");
        }
    }

    synchronized void refused(Attempt a, String reason) {
        tried++;
        refused++;
        refusedByReason.merge(reason, 1, Integer::sum);
        Set<Refusal> valid = a.amountFen() < MIN_FEN ? EnumSet.of(Refusal.BELOW_MINIMUM)
                : EnumSet.of(Refusal.INSUFFICIENT_BALANCE, Refusal.DAILY_LIMIT); // never negative here
        if (valid.stream().noneMatch(r -> r.name().equals(reason))) {
            problems.add(a + " refused with " + reason + ", expected one of " + valid);
        }
    }

    /** A CLI answer: exit 0 with the new serial, or exit 3 with {@code rebatch: withdraw refused: REASON: ...}. */
    void cliAnswer(Attempt a, int code, String text) {
        Matcher accepted = ACCEPTED.matcher(text);
        Matcher refused = REFUSED.matcher(text);
        if (code == 0 && accepted.find()) {
            accepted(a, Long.parseLong(accepted.group(1)), a.amountFen());
        } else if (code == 3 && refused.find()) {
            refused(a, refused.group(1));
        } else {
            failed(a, "exit " + code + ": " + text);
        }
    }

    /** An answer that is neither an acceptance nor a refusal (an exception, an unexpected exit code). */
    synchronized void failed(Attempt a, String what) {
        tried++;
        problems.add(a + ": " + what);
    }

    synchronized long acceptedFen(long userId) {
        return acceptedByUser.get(userId).values().stream().mapToLong(Long::longValue).sum();
    }

    synchronized int refusedFor(String reason) {
        return refusedByReason.getOrDefault(reason, 0);
    }

    /** One line for the test log: requests tried, accepted, refused by reason, elapsed. */
    synchronized String figures(String database, String caseName, long elapsedNanos) {
        return String.format("[%s] WithdrawalConcurrencyIT %s: tried=%d accepted=%d refused=%d %s problems=%d"
                        + " elapsed=%.2fs", database, caseName, tried, accepted, refused, refusedByReason, problems.size(),
                elapsedNanos / 1e9);
    }

    /**
     * Every check of the tables after the case, all reported together (soft assertions: a broken guard shows
     * everything it broke); {@code expectedTried} requests were sent.
     */
    synchronized void assertHolds(String url, int expectedTried) {
        SoftAssertions soft = new SoftAssertions();
        for (Map.Entry<Long, Balance> e : before.entrySet()) {
            long user = e.getKey();
            Balance was = e.getValue();
            Balance now = Balance.of(url, user);
            long acceptedFen = acceptedFen(user);
            soft.assertThat(lowestAvailable(url, user, was.availableFen()))
                    .as("lowest available of user %d after any withdrawal posting", user).isNotNegative();
            soft.assertThat(now.availableFen()).as("available of user %d at the end", user).isNotNegative();
            soft.assertThat(was.availableFen() - now.availableFen()).as("available taken from user %d", user)
                    .isEqualTo(acceptedFen);
            soft.assertThat(now.withdrawingFen() - was.withdrawingFen()).as("withdrawing added to user %d", user)
                    .isEqualTo(acceptedFen);
            Map<Long, Long> rows = new TreeMap<>();
            for (String row : LedgerInvariants.rows(url, "SELECT withdrawal_id, amount_fen FROM withdrawal"
                    + " WHERE user_id = " + user)) {
                String[] f = row.split("\\|");
                rows.put(Long.parseLong(f[0]), Long.parseLong(f[1]));
            }
            soft.assertThat(rows).as("withdrawal rows of user %d = the accepted answers", user)
                    .isEqualTo(acceptedByUser.get(user));
        }
        soft.assertThat(LedgerInvariants.rows(url, "SELECT user_id, requested_on, SUM(amount_fen) FROM withdrawal"
                + " GROUP BY user_id, requested_on HAVING SUM(amount_fen) > " + CAP_FEN))
                .as("days whose accepted withdrawals exceed max_withdraw_fen_per_day = %d", CAP_FEN).isEmpty();
        soft.assertThat(problems.size()).as("answers that are neither an acceptance nor a valid refusal, e.g. %s",
                problems.stream().limit(3).toList()).isZero();
        soft.assertThat(tried).as("requests answered").isEqualTo(expectedTried);
        soft.assertThat(accepted + refused).as("accepted + refused").isEqualTo(tried);
        soft.assertThat(LedgerInvariants.rows(url, "SELECT w.withdrawal_id FROM withdrawal w WHERE w.amount_fen <>"
                + " (SELECT COALESCE(SUM(e.amount_fen), 0) FROM ledger_entry e WHERE e.bucket = 'WITHDRAWING'"
                + " AND e.entry_key = CONCAT('W:', w.withdrawal_id, ':REQUEST'))"))
                .as("withdrawals whose request posting is missing or of another amount").isEmpty();
        soft.assertThat(LedgerInvariants.rows(url, "SELECT COUNT(DISTINCT entry_key) FROM ledger_entry"
                + " WHERE ref_type = 'WDR'")).as("withdrawal postings (one per withdrawal, no payout run here)")
                .isEqualTo(LedgerInvariants.rows(url, "SELECT COUNT(*) FROM withdrawal"));
        soft.assertAll();
        LedgerInvariants.assertHold(url);
    }

    /**
     * The lowest available balance of the user after each withdrawal posting (AVAILABLE legs of ref_type WDR in
     * entry order, from {@code startFen}): the row lock orders one user's postings, so this is the balance's history.
     */
    private static long lowestAvailable(String url, long userId, long startFen) {
        long balance = startFen;
        long lowest = startFen;
        for (String amount : LedgerInvariants.rows(url, "SELECT amount_fen FROM ledger_entry WHERE user_id = " + userId
                + " AND ref_type = 'WDR' AND bucket = 'AVAILABLE' ORDER BY entry_id")) {
            balance += Long.parseLong(amount);
            lowest = Math.min(lowest, balance);
        }
        return lowest;
    }
}
