package io.rebatch.jobs.payout;

import io.rebatch.domain.Bucket;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.RuleSet;
import io.rebatch.domain.payout.IdempotencyConflictException;
import io.rebatch.domain.payout.Withdrawal;
import io.rebatch.domain.payout.WithdrawalRequest;
import io.rebatch.domain.payout.WithdrawalRules;
import io.rebatch.jobs.common.RuleSetProvider;
import io.rebatch.writers.ledger.LedgerMoves;
import io.rebatch.writers.payout.WithdrawalStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Duration;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The withdrawal service (SPEC §7), the one way a withdrawal is made — by the CLI's {@code withdraw} for support
 * staff and by the app's REST layer. One request is one READ COMMITTED transaction:
 * <ol>
 *   <li>a stored withdrawal under the same (user, key) is returned as it is (a replay), or refused as an
 *       {@link IdempotencyConflictException} when the request differs;</li>
 *   <li>the user's balance row is locked ({@code FOR UPDATE}): every request of one user waits here for the one
 *       before, so the day's sum and the available amount read next are exact until the commit;</li>
 *   <li>{@link WithdrawalRules} decides with the limits of the rule set in force on the request's business day;</li>
 *   <li>accepted: the withdrawal is stored (the unique (user, key) refuses a duplicate even if everything above
 *       were bypassed) and available → withdrawing is posted with a conditional update that the database refuses
 *       if available no longer covers it — no overdraft even without the row lock.</li>
 * </ol>
 * A refusal stores nothing: the same key may be tried again later. A transaction that loses a deadlock or a lock
 * wait to a concurrent writer is run again (Spring's {@link RetryTemplate}, bounded, with back-off). Logs carry ids
 * and amounts, never payee data.
 */
public class Withdrawals {
    private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);

    /**
     * The answer to one request: the withdrawal (null when refused), whether this request created it, and the
     * refusal's decision (null when accepted or replayed).
     */
    public record Outcome(Withdrawal withdrawal, boolean created, WithdrawalRules.Decision refusal) {
        public boolean refused() {
            return refusal != null;
        }
    }

    private final WithdrawalStore store;
    private final LedgerMoves moves;
    private final RuleSetProvider ruleSets;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
            .includes(TransientDataAccessException.class).excludes(DuplicateKeyException.class).maxRetries(5)
            .delay(Duration.ofMillis(20)).multiplier(2).maxDelay(Duration.ofMillis(500)).jitter(Duration.ofMillis(10))
            .build());

    public Withdrawals(WithdrawalStore store, LedgerMoves moves, RuleSetProvider ruleSets, Clock clock,
                       PlatformTransactionManager transactionManager) {
        this.store = store;
        this.moves = moves;
        this.ruleSets = ruleSets;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactionManager);
        this.tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
    }

    public Outcome request(WithdrawalRequest request) {
        try {
            return retry.execute(() -> once(request));
        } catch (RetryException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("withdrawal of user " + request.userId() + " failed: " + cause.getMessage(),
                    cause);
        }
    }

    /**
     * One attempt. A deadlock or lock-wait timeout against a concurrent settle (both update balance rows) rolls the
     * whole transaction back, so the attempt can simply run again: the key makes a retried request idempotent.
     */
    private Outcome once(WithdrawalRequest request) {
        try {
            return tx.execute(status -> decideAndStore(request));
        } catch (DuplicateKeyException e) {
            // The same key committed by a request that did not wait on the balance row (impossible while the row
            // exists, kept as the database's last word): answer as a replay.
            return tx.execute(status -> replay(request, store.findByKey(request.userId(), request.key()))
                    .orElseThrow(() -> e));
        }
    }

    private Outcome decideAndStore(WithdrawalRequest request) {
        Optional<Outcome> replayed = replay(request, store.findByKey(request.userId(), request.key()));
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Long locked = store.lockAvailable(request.userId());
        replayed = replay(request, store.findByKey(request.userId(), request.key()));
        if (replayed.isPresent()) {
            return replayed.get();
        }
        Instant now = clock.instant();
        LocalDate day = BusinessTime.dateOf(now);
        RuleSet rules = ruleSets.get().inForceOn(day);
        long available = locked == null ? 0 : locked;
        WithdrawalRules.Decision decision = WithdrawalRules.decide(request.amountFen(), available,
                store.acceptedOn(request.userId(), day), rules);
        if (!decision.accepted()) {
            log.info("withdrawal refused user={} amount_fen={} reason={}", request.userId(), request.amountFen(),
                    decision.refusal());
            return new Outcome(null, false, decision);
        }
        long id = store.insert(request, now, day);
        boolean moved = moves.moveIfCovered(new LedgerMoves.Move("W:" + id + ":REQUEST", request.userId(),
                Bucket.AVAILABLE, Bucket.WITHDRAWING, request.amountFen(), "WDR"), day, null);
        if (!moved) {
            throw new IllegalStateException("available balance of user " + request.userId()
                    + " changed under the row lock; nothing stored");
        }
        log.info("withdrawal accepted id={} user={} amount_fen={}", id, request.userId(), request.amountFen());
        return new Outcome(store.find(id).orElseThrow(), true, null);
    }

    private static Optional<Outcome> replay(WithdrawalRequest request, Optional<Withdrawal> stored) {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Withdrawal w = stored.get();
        if (!request.isReplayOf(w)) {
            throw new IdempotencyConflictException("idempotency key " + request.key() + " of user " + request.userId()
                    + " was used for " + w.serial() + " with another amount or payee; use a new key for a new request");
        }
        return Optional.of(new Outcome(w, false, null));
    }

    /** The user's withdrawals, newest first (at most {@code limit}). */
    public List<Withdrawal> ofUser(long userId, int limit) {
        return store.ofUser(userId, limit);
    }
}
