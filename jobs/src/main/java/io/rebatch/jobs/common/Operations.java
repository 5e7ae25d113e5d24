package io.rebatch.jobs.common;

import io.rebatch.jobs.settle.SettleScope;

import io.rebatch.jobs.importing.ImportJobConfiguration;
import io.rebatch.writers.csv.Exports;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.readers.platform.Adapters;
import io.rebatch.readers.platform.Feed;
import io.rebatch.jobs.pull.Feeds;
import io.rebatch.jobs.pull.PullJobConfiguration;
import io.rebatch.writers.pull.PullWatermarks;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import java.util.stream.Collectors;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * What finance can ask of rebatch, as the CLI, the demo and the scheduler use it: each operation starts (or
 * resumes, or reruns) the job that does the work through {@link JobRunner}, so every path runs the same jobs.
 */
public class Operations {
    private final JobRunner runner;
    private final Job importJob;
    private final Job settleJob;
    private final Job closeMonthJob;
    private final Exports exports;
    private final RuleSetProvider ruleSets;
    private final Job pullJob;
    private final Feeds feeds;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final List<Job> allJobs;

    public Operations(JobRunner runner, Job importJob, Job settleJob, Job closeMonthJob, Exports exports,
                      RuleSetProvider ruleSets, Job pullJob, Feeds feeds, JdbcTemplate jdbc, Clock clock,
                      List<Job> allJobs) {
        this.allJobs = List.copyOf(allJobs);
        this.pullJob = pullJob;
        this.feeds = feeds;
        this.jdbc = jdbc;
        this.clock = clock;
        this.runner = runner;
        this.importJob = importJob;
        this.settleJob = settleJob;
        this.closeMonthJob = closeMonthJob;
        this.exports = exports;
        this.ruleSets = ruleSets;
    }

    /** Imports one file of the given kind (see {@code ImportKinds}); importing the same content again is harmless. */
    public JobRunner.Outcome importFile(String kind, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        return runner.run(importJob, ImportJobConfiguration.keys(kind, file, sha256(file)), JobRunner.WhenComplete.RERUN);
    }

    /** Settles business date D; a completed date is settled again as a new, recorded attempt. */
    public JobRunner.Outcome settle(LocalDate date) {
        return settle(date, null, null, JobRunner.WhenComplete.RERUN);
    }

    /**
     * Settles business date D (one platform's lines, or all when {@code platform} is null). {@code reason} (a rerun's)
     * is kept as a non-identifying job parameter; {@code whenComplete} says what a completed date means: RERUN
     * for the CLI's settle and rerun, SKIP for the scheduler's nightly (a trigger that fires twice — two nodes, a
     * misfire catch-up, a recovered node — never settles twice).
     */
    public JobRunner.Outcome settle(LocalDate date, Platform platform, String reason, JobRunner.WhenComplete whenComplete) {
        return settle(date, platform, reason, whenComplete, false);
    }

    /** {@code settle --date D --all}: every stored line is evaluated again (e.g. after a rule-set change). */
    public JobRunner.Outcome settleAll(LocalDate date) {
        return settle(date, null, null, JobRunner.WhenComplete.RERUN, true);
    }

    /**
     * As {@link #settle(LocalDate, Platform, String, JobRunner.WhenComplete)}; {@code all} makes it visit every
     * stored line instead of those due (the non-identifying job parameter {@code all=true}; see {@code SettleScope}).
     */
    public JobRunner.Outcome settle(LocalDate date, Platform platform, String reason, JobRunner.WhenComplete whenComplete,
                                    boolean all) {
        ruleSets.get();
        JobParametersBuilder keys = new JobParametersBuilder().addString("date", date.toString());
        if (all) {
            keys.addString(SettleScope.ALL_PARAMETER, "true", false);
        }
        if (platform != null) {
            keys.addString("platform", platform.name());
        }
        if (reason != null) {
            keys.addString("reason", reason, false);
        }
        return runner.run(settleJob, keys.toJobParameters(), whenComplete);
    }

    /** Close-month as the scheduler runs it on the 21st: without statements, and not again once complete. */
    public JobRunner.Outcome closeMonthOnce(YearMonth month) {
        ruleSets.get();
        return runner.run(closeMonthJob, new JobParametersBuilder().addString("month", month.toString())
                .addString("statements", "", false).toJobParameters(), JobRunner.WhenComplete.SKIP);
    }

    /** {@code restart EXECUTION_ID} (see {@link JobRunner#restart}). */
    public JobRunner.Outcome restart(long executionId) {
        return runner.restart(executionId, this::jobNamed);
    }

    /** {@code recover EXECUTION_ID} (see {@link JobRunner#recover}). */
    public org.springframework.batch.core.job.JobExecution recover(long executionId) {
        return runner.recover(executionId);
    }

    private Job jobNamed(String name) {
        for (Job j : allJobs) {
            if (j.getName().equals(name)) {
                return j;
            }
        }
        return null;
    }

    public JobRunner.Outcome closeMonth(YearMonth month, List<Path> statements) {
        ruleSets.get();
        for (Path s : statements) {
            if (!Files.isRegularFile(s)) {
                throw new IllegalArgumentException("no such statement file: " + s);
            }
        }
        return runner.run(closeMonthJob, new JobParametersBuilder().addString("month", month.toString())
                .addString("statements", statements.stream().map(p -> p.toAbsolutePath().toString())
                        .collect(Collectors.joining("\n")), false)
                .toJobParameters(), JobRunner.WhenComplete.RERUN);
    }

    /** One feed's pull outcome. */
    public record PullOutcome(Feed feed, Instant from, Instant to, JobRunner.Outcome outcome) {
    }

    /**
     * Pulls business date D's changes of the platform (all platforms when null): for each feed every update-time
     * window of {@code [start of D - overlap, end of D)}. Stops at the first feed that fails (its job is FAILED and
     * the same command resumes it).
     */
    public List<PullOutcome> pullDay(LocalDate date, Platform platform) {
        List<PullOutcome> out = new ArrayList<>();
        for (Feed feed : Adapters.feeds(platform)) {
            Instant from = BusinessTime.startOf(date).minus(feeds.overlap(feed));
            Instant to = BusinessTime.endOf(date);
            JobRunner.Outcome o = runner.run(pullJob, PullJobConfiguration.keys(feed, from, to), JobRunner.WhenComplete.RERUN);
            out.add(new PullOutcome(feed, from, to, o));
            if (!o.succeeded()) {
                break;
            }
        }
        return out;
    }

    /**
     * Pulls each feed from its watermark minus the overlap up to now minus the configured lag (the scheduler's
     * incremental pull). A feed never pulled starts at the beginning of yesterday.
     */
    public List<PullOutcome> pullSinceWatermark(Platform platform) {
        List<PullOutcome> out = new ArrayList<>();
        Instant to = clock.instant().minus(feeds.pullLag()).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        for (Feed feed : Adapters.feeds(platform)) {
            Instant base = new PullWatermarks(jdbc).pulledUntil(feed.name())
                    .orElse(BusinessTime.startOf(BusinessTime.dateOf(to).minusDays(1)));
            Instant from = base.minus(feeds.overlap(feed));
            if (!from.isBefore(to)) {
                continue;
            }
            JobRunner.Outcome o = runner.run(pullJob, PullJobConfiguration.keys(feed, from, to), JobRunner.WhenComplete.RERUN);
            out.add(new PullOutcome(feed, from, to, o));
            if (!o.succeeded()) {
                break;
            }
        }
        return out;
    }

    public long exportBalances(Path out) {
        return exports.balances(out);
    }

    public long exportLines(Path out) {
        return exports.lines(out, ruleSets.get());
    }

    /** {@code export quarantine}: quarantined rows, all or those quarantined since the start of business date D. */
    public long exportQuarantine(Path out, LocalDate since) {
        return exports.quarantine(out, since);
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
