package io.rebatch.app.cli;

import io.rebatch.jobs.settle.SettleScope;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Progress of a long command (settle, run, rerun, restart, import, close-month, payout, pull) while its jobs run
 * in the calling thread: a daemon thread polls Spring Batch's {@link JobRepository} about once a second for the
 * executions that started after the command did, and shows each running step's items read (and written, when
 * fewer; a restarted step counts from the start of its first run), against the step's total when it is known — for {@code settleLines} the stored order lines (of the job's
 * {@code platform} parameter, if any).
 *
 * <ul>
 *   <li>Attached to a terminal ({@code System.console() != null}): a me.tongfei progress bar per step.</li>
 *   <li>Otherwise: one plain line at most every {@value #INTERVAL_PROPERTY} (default 10 s; a bare number is
 *       seconds), e.g. {@code progress settle 2026-11-25: settleLines 12,000/30,000 items (2,410/s)}, and none
 *       before the first interval has passed, so a command that ends sooner prints exactly what it printed
 *       before.</li>
 * </ul>
 *
 * <p>Always on stderr, never stdout (scripts parse stdout). An interval of 0 turns both off, and so does running
 * a command in-process as a step of another ({@code demo}). The watcher must never fail, slow down or change the
 * command it watches: it only reads, and every error of its own is logged and swallowed.
 */
final class JobProgress implements AutoCloseable {
    static final String INTERVAL_PROPERTY = "rebatch.progress.interval";
    static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);
    static final long POLL_MILLIS = 1000;

    private static final Logger log = LoggerFactory.getLogger(JobProgress.class);
    private static final JobProgress OFF = new JobProgress();

    private final String what;
    private final JobRepository jobRepository;
    private final JdbcTemplate jdbc;
    private final PrintWriter err;
    private final ProgressLines.PlainLines plain;
    private final boolean bars;
    private final Set<Long> runningBefore;
    private final Map<Long, Long> totals = new HashMap<>();
    private final Map<Long, ProgressBar> openBars = new LinkedHashMap<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;

    private JobProgress() {
        what = null;
        jobRepository = null;
        jdbc = null;
        err = null;
        plain = null;
        bars = false;
        runningBefore = Set.of();
        thread = null;
    }

    private JobProgress(String what, JobRepository jobRepository, JdbcTemplate jdbc, PrintWriter err,
                        Duration interval, boolean bars) {
        this.what = what;
        this.jobRepository = jobRepository;
        this.jdbc = jdbc;
        this.err = err;
        this.bars = bars;
        this.plain = new ProgressLines.PlainLines(what, interval.toNanos(), System.nanoTime());
        // Executions left STARTED by a process that died are not this command's (JobRunner recovers them).
        this.runningBefore = runningExecutionIds();
        this.thread = new Thread(this::watch, "rebatch-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts watching for the command {@code what} (e.g. {@code settle 2026-11-25}); {@link #close} stops it.
     * {@code interval} is the value of {@value #INTERVAL_PROPERTY} (null: the default).
     *
     * @throws IllegalArgumentException the interval is not a duration (exit 2)
     */
    static JobProgress start(String what, JobRepository jobRepository, JdbcTemplate jdbc, PrintWriter err,
                             String interval) {
        Duration every = interval(interval);
        if (every.isZero()) {
            return OFF;
        }
        return new JobProgress(what, jobRepository, jdbc, err, every, System.console() != null);
    }

    /** A watcher that shows nothing (progress off, or a step run in-process by another command). */
    static JobProgress off() {
        return OFF;
    }

    /** {@value #INTERVAL_PROPERTY}: blank means 10 s, a bare number seconds, {@code 0} or less off ({@link Duration#ZERO}). */
    static Duration interval(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_INTERVAL;
        }
        Duration d;
        try {
            d = DurationStyle.detectAndParse(text.strip(), ChronoUnit.SECONDS);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(INTERVAL_PROPERTY + ": '" + text + "' is not a duration (e.g. 10, 10s,"
                    + " 500ms; 0 = off)");
        }
        return d.isNegative() ? Duration.ZERO : d;
    }

    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        stop.countDown(); // no interrupt: the watcher may be inside JDBC, and H2 closes a file interrupted in I/O
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (openBars) {
            openBars.forEach(this::finish);
            openBars.clear();
        }
    }

    private void watch() {
        try {
            while (!stop.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                try {
                    poll();
                } catch (RuntimeException e) {
                    log.debug("progress poll failed what={} reason={}", what, e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void poll() {
        List<ProgressLines.StepSample> running = new ArrayList<>();
        for (String name : jobRepository.getJobNames()) {
            for (JobExecution e : jobRepository.findRunningJobExecutions(name)) {
                if (runningBefore.contains(e.getId())) {
                    continue;
                }
                for (StepExecution s : e.getStepExecutions()) {
                    if (s.getStatus().isRunning()) {
                        long before = resumedAfter(readerCounts(s), s.getReadCount());
                        running.add(new ProgressLines.StepSample(s.getId(), s.getStepName(), before + s.getReadCount(),
                                before + s.getWriteCount(), totals.computeIfAbsent(s.getId(), id -> knownTotal(s))));
                    }
                }
            }
        }
        if (stop.getCount() == 0) {
            return; // the command ended while we read: print nothing after its own output
        }
        if (bars) {
            showBars(running);
        } else {
            for (String line : plain.at(System.nanoTime(), running)) {
                err.println(line);
            }
            err.flush();
        }
    }

    private void showBars(List<ProgressLines.StepSample> running) {
        synchronized (openBars) {
            Set<Long> seen = new HashSet<>();
            for (ProgressLines.StepSample s : running) {
                seen.add(s.stepExecutionId());
                ProgressBar bar = openBars.computeIfAbsent(s.stepExecutionId(), id -> new ProgressBarBuilder()
                        .setTaskName(what + " " + s.step()).setInitialMax(s.total() == null ? -1 : s.total())
                        .setConsumer(new ConsoleProgressBarConsumer(stderr())).setUpdateIntervalMillis(1000)
                        .showSpeed().build());
                bar.stepTo(s.read());
                if (s.written() != s.read()) {
                    bar.setExtraMessage(String.format(Locale.ROOT, "%,d written", s.written()));
                }
            }
            openBars.entrySet().removeIf(e -> {
                if (seen.contains(e.getKey())) {
                    return false;
                }
                finish(e.getKey(), e.getValue());
                return true;
            });
        }
    }

    /** Shows a step's final count (it ended between two polls) and closes its bar. */
    private void finish(long stepExecutionId, ProgressBar bar) {
        try {
            StepExecution last = jobRepository.getStepExecution(stepExecutionId);
            if (last != null) {
                bar.stepTo(last.getReadCount());
            }
        } catch (RuntimeException e) {
            log.debug("progress: cannot read step execution={} reason={}", stepExecutionId, e.getMessage());
        }
        bar.close();
    }

    @SuppressWarnings("java:S106") // the terminal's own stderr: where the bar is drawn
    private static PrintStream stderr() {
        return System.err;
    }

    /** The item counts its readers saved in a step's context ({@code <reader>.read.count}, absolute positions). */
    private static List<Long> readerCounts(StepExecution step) {
        List<Long> counts = new ArrayList<>();
        for (Map.Entry<String, Object> e : step.getExecutionContext().entrySet()) {
            if (e.getKey().endsWith(".read.count") && e.getValue() instanceof Number n) {
                counts.add(n.longValue());
            }
        }
        return counts;
    }

    /**
     * How many items a restarted step had done before this execution: its reader's saved position counts from the
     * start of the step's first execution, the execution's read count from its own start. 0 for a first run, or
     * when the step has no (single) such reader.
     */
    static long resumedAfter(List<Long> readerCounts, long readCount) {
        if (readerCounts.size() != 1) {
            return 0;
        }
        return Math.max(0, readerCounts.get(0) - readCount);
    }

    /**
     * The total of a step when it is known: a single-partition {@code settleLines} that visits every stored line (of
     * one platform). A settle of the due lines only has no total (its lines leave the due range as they settle), nor
     * has a partition of a partitioned one.
     */
    private Long knownTotal(StepExecution step) {
        if (!"settleLines".equals(step.getStepName())) {
            return null;
        }
        JobExecution job = jobRepository.getJobExecution(step.getJobExecutionId());
        if (job == null || !SettleScope.ALL.equals(job.getExecutionContext().getString(SettleScope.KEY, ""))) {
            return null;
        }
        String platform = step.getJobExecution().getJobParameters().getString("platform");
        return platform == null || platform.isEmpty()
                ? jdbc.queryForObject("SELECT COUNT(*) FROM order_line", Long.class)
                : jdbc.queryForObject("SELECT COUNT(*) FROM order_line WHERE platform = ?", Long.class, platform);
    }

    private Set<Long> runningExecutionIds() {
        Set<Long> ids = new HashSet<>();
        try {
            for (String name : jobRepository.getJobNames()) {
                for (JobExecution e : jobRepository.findRunningJobExecutions(name)) {
                    ids.add(e.getId());
                }
            }
        } catch (RuntimeException e) {
            log.debug("progress: cannot list running executions reason={}", e.getMessage());
        }
        return ids;
    }
}
