package io.rebatch.app.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The pure part of {@link JobProgress}: what a plain progress line says, and when one is printed. */
final class ProgressLines {

    private ProgressLines() {
    }

    /** A running step as one poll saw it; {@code total} null when unknown. */
    record StepSample(long stepExecutionId, String step, long read, long written, Long total) {
    }

    /**
     * When to print a plain line and what it says. The first line comes one interval after the start, the next one
     * interval after the previous one; a poll that sees no running step prints nothing. The rate is items read per
     * second since this watcher first saw the step.
     */
    static final class PlainLines {
        private final String what;
        private final long intervalNanos;
        private long lastLineNanos;
        private final Map<Long, long[]> firstSeen = new HashMap<>(); // step execution id -> {nanos, read}

        PlainLines(String what, long intervalNanos, long startNanos) {
            this.what = what;
            this.intervalNanos = intervalNanos;
            this.lastLineNanos = startNanos;
        }

        List<String> at(long nowNanos, List<StepSample> running) {
            for (StepSample s : running) {
                firstSeen.putIfAbsent(s.stepExecutionId(), new long[] {nowNanos, s.read()});
            }
            if (running.isEmpty() || nowNanos - lastLineNanos < intervalNanos) {
                return List.of();
            }
            lastLineNanos = nowNanos;
            List<String> lines = new ArrayList<>();
            for (StepSample s : running) {
                long[] first = firstSeen.get(s.stepExecutionId());
                lines.add(line(what, s, perSecond(first[1], first[0], s.read(), nowNanos)));
            }
            return lines;
        }
    }

    /**
     * {@code progress <what>: <step> <read>[/<total>] items[, <written> written] (<rate>/s)}; a step that has read
     * nothing and has no total (a tasklet) is {@code <step> running}.
     */
    static String line(String what, StepSample s, long perSecond) {
        StringBuilder sb = new StringBuilder("progress ").append(what).append(": ").append(s.step()).append(' ');
        if (s.read() == 0 && s.written() == 0 && s.total() == null) {
            return sb.append("running").toString();
        }
        sb.append(String.format(Locale.ROOT, "%,d", s.read()));
        if (s.total() != null) {
            sb.append(String.format(Locale.ROOT, "/%,d", s.total()));
        }
        sb.append(" items");
        if (s.written() != s.read()) {
            sb.append(String.format(Locale.ROOT, ", %,d written", s.written()));
        }
        return sb.append(String.format(Locale.ROOT, " (%,d/s)", perSecond)).toString();
    }

    /** Items per second between two samples, rounded down; 0 when no time has passed or the count went back. */
    static long perSecond(long itemsBefore, long nanosBefore, long itemsNow, long nanosNow) {
        long elapsed = nanosNow - nanosBefore;
        long items = itemsNow - itemsBefore;
        if (elapsed <= 0 || items <= 0) {
            return 0;
        }
        return items >= Long.MAX_VALUE / 1_000_000_000L ? items / Math.max(1, elapsed / 1_000_000_000L)
                : items * 1_000_000_000L / elapsed;
    }
}
