package io.rebatch.jobs.settle;

import io.rebatch.jobs.common.RuleSetProvider;
import io.rebatch.writers.settle.SettleHorizon;
import java.time.LocalDate;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Which lines a settle visits, decided once per job instance and kept in the job's execution context
 * ({@value #KEY}), so that a restart visits what the first execution set out to visit:
 * <ul>
 *   <li>{@value #DUE} (the nightly, a plain {@code settle --date D} or {@code rerun}): only the lines due on or
 *       before D ({@link io.rebatch.domain.SettleDue}) — new or changed lines, lines due an attribution try, lines
 *       whose freeze ends, held lines. A second settle of an unchanged date visits none.</li>
 *   <li>{@value #ALL}: every stored line of the scope, as every settle did before issue 11 — when asked
 *       ({@code --all}: job parameter {@code all=true}), when D is before the latest date settled (due dates only
 *       look forward), and when the rule sets differ from those of the last complete visit of every line (a due date
 *       cannot foresee a new rule: finance's rerun after a rule change needs no flag to be right). A restart asked
 *       with {@code --all} widens a due-only instance to every line; nothing narrows an instance.</li>
 * </ul>
 * Deciding raises {@code settle_horizon} to D; a completed visit of every line of every platform records the rules'
 * digest.
 */
public class SettleScope implements JobExecutionListener {
    public static final String KEY = "settle.visit";
    public static final String DUE = "due";
    public static final String ALL = "all";
    /** The non-identifying job parameter of {@code settle --all} / {@code rerun --all}. */
    public static final String ALL_PARAMETER = "all";

    private final SettleHorizon horizon;
    private final RuleSetProvider ruleSets;
    private final JobRepository jobRepository;

    public SettleScope(SettleHorizon horizon, RuleSetProvider ruleSets, JobRepository jobRepository) {
        this.horizon = horizon;
        this.ruleSets = ruleSets;
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        ExecutionContext context = execution.getExecutionContext();
        JobParameters params = execution.getJobParameters();
        boolean askedAll = "true".equals(params.getString(ALL_PARAMETER));
        LocalDate date = LocalDate.parse(params.getString("date"));
        String visit;
        if (context.containsKey(KEY)) {
            visit = askedAll ? ALL : context.getString(KEY);
        } else {
            visit = visitsAll(horizon, ruleSets, date, askedAll) ? ALL : DUE;
        }
        horizon.raise(date);
        context.putString(KEY, visit);
        jobRepository.updateExecutionContext(execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        if (execution.getStatus() == BatchStatus.COMPLETED && ALL.equals(execution.getExecutionContext().getString(KEY, DUE))
                && execution.getJobParameters().getString("platform") == null) {
            horizon.evaluatedUnder(ruleSets.get().settleDigest());
        }
    }

    /** Whether a settle of {@code date} visits every line: asked to, before the horizon, or under other rules. */
    static boolean visitsAll(SettleHorizon horizon, RuleSetProvider ruleSets, LocalDate date, boolean askedAll) {
        return askedAll || horizon.read().needsAll(date, ruleSets.get().settleDigest());
    }
}
