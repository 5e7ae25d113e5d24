package io.rebatch.jobs.common;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Platform;
import io.rebatch.jobs.settle.SettleDryRun;
import io.rebatch.writers.rerun.RerunLog;
import java.net.InetAddress;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code rerun --date D [--platform P] --reason TEXT [--dry-run]} (SPEC 10): settling a date again is an explicit,
 * recorded act. Every real rerun is written to {@code settle_rerun} with its reason, who asked and when, before
 * anything runs, and completed with its execution and outcome. A real rerun is the next attempt of the
 * settle job instance (the reason also rides along as a non-identifying job parameter); a dry run is
 * {@link SettleDryRun}: the same reader and writer, every chunk rolled back.
 */
public class Reruns {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Reruns.class);
    /** The longest reason kept (the column's size). */
    public static final int MAX_REASON = 500;

    /** A real rerun's result: the recorded rerun and the job outcome. */
    public record Result(long rerunId, JobRunner.Outcome outcome, long deltaRows) {
    }

    /** A dry run's result: the difference the real rerun would post now. */
    public record DryResult(List<SettleDryRun.Delta> difference) {
    }

    private final Operations operations;
    private final SettleDryRun dryRun;
    private final RerunLog log;
    private final Clock clock;

    public Reruns(Operations operations, SettleDryRun dryRun, RerunLog log, Clock clock) {
        this.operations = operations;
        this.dryRun = dryRun;
        this.log = log;
        this.clock = clock;
    }

    public Result rerun(LocalDate date, Platform platform, String reason, boolean all) {
        String why = checkedReason(reason);
        long id = log.begin(date, platform == null ? null : platform.name(), why, false, requestedBy(), clock.instant());
        JobRunner.Outcome outcome;
        try {
            outcome = operations.settle(date, platform, why, JobRunner.WhenComplete.RERUN, all);
        } catch (RuntimeException e) {
            log.finish(id, null, e instanceof RefusedException ? "REFUSED" : "FAILED", null);
            throw e;
        }
        Long executionId = outcome.execution() == null ? null : outcome.execution().getId();
        long rows = executionId == null ? 0 : log.deltaRowsOf(executionId);
        log.finish(id, executionId, outcome.execution() == null ? "COMPLETED" : outcome.execution().getStatus().name(),
                rows);
        return new Result(id, outcome, rows);
    }

    /**
     * The difference a rerun would post now. A dry run changes no row of the database — it is not recorded in
     * {@code settle_rerun} (only the log file notes it); only the job lock's own row is touched while it runs.
     */
    public DryResult dryRun(LocalDate date, Platform platform, String reason, boolean all) {
        String why = checkedReason(reason);
        List<SettleDryRun.Delta> difference = dryRun.difference(date, platform == null ? null : platform.name(), all);
        LOG.info("rerun dry run date={} platform={} rows={} reason={}", date, platform, difference.size(), why);
        return new DryResult(difference);
    }

    /** A reason is required: not blank, one line, at most {@value #MAX_REASON} characters. */
    static String checkedReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BadInputException("a rerun needs --reason TEXT (why the date is settled again; it is recorded)");
        }
        String r = reason.strip();
        if (r.contains("\n") || r.contains("\r")) {
            throw new BadInputException("--reason must be one line");
        }
        if (r.length() > MAX_REASON) {
            throw new BadInputException("--reason is longer than " + MAX_REASON + " characters");
        }
        return r;
    }

    private static String requestedBy() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        String who = System.getProperty("user.name", "?") + "@" + host;
        return who.length() > 100 ? who.substring(0, 100) : who;
    }
}
