package io.rebatch.app.cli;

import static io.rebatch.app.cli.OpsText.duration;
import static io.rebatch.app.cli.OpsText.firstLine;
import static io.rebatch.app.cli.OpsText.pad;
import static io.rebatch.app.cli.OpsText.quote;
import static io.rebatch.app.cli.OpsText.time;

import io.rebatch.writers.ops.JobExecutionReads.Execution;
import io.rebatch.writers.ops.JobExecutionReads.Rerun;
import io.rebatch.writers.ops.JobExecutionReads.Step;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The text of {@code rebatch status} (see {@link StatusCommand} for the format): executions newest first, each
 * followed by its steps and the reruns it ran for, with dry runs as lines of their own in time order between them.
 * Pure: the same rows always give the same lines.
 */
final class StatusText {
    private StatusText() {
    }

    /** Non-identifying parameters worth showing: the rerun's reason, the imported file (its name). */
    private static final List<String> SHOWN_OTHERS = List.of("reason", "file");

    static List<String> lines(List<Execution> executions, Map<Long, List<Rerun>> reruns, List<Rerun> dryRuns) {
        int idWidth = 0;
        int jobWidth = 0;
        int keysWidth = 0;
        for (Execution e : executions) {
            idWidth = Math.max(idWidth, String.valueOf(e.id()).length());
            jobWidth = Math.max(jobWidth, e.jobName().length());
            keysWidth = Math.max(keysWidth, keys(e).length());
        }
        List<String> out = new ArrayList<>();
        int next = 0;
        for (Execution e : executions) {
            // Dry runs requested after this execution started come before it (newest first).
            while (next < dryRuns.size() && after(dryRuns.get(next).requestedAt(), e.startedAt())) {
                out.add(dryRun(dryRuns.get(next++)));
            }
            StringBuilder sb = new StringBuilder("execution ").append(pad(String.valueOf(e.id()), idWidth)).append(' ')
                    .append(pad(e.jobName(), jobWidth)).append(' ').append(pad(keys(e), keysWidth))
                    .append(" status=").append(pad(e.status(), 9)).append(" exit=").append(pad(quote(e.exitCode()), 9))
                    .append(" start=").append(time(e.startedAt())).append(" end=").append(time(e.endedAt()))
                    .append(" duration=").append(duration(e.startedAt(), e.endedAt()));
            if (failed(e.status()) && firstLine(e.exitMessage()) != null) {
                sb.append(" failure=").append(quote(firstLine(e.exitMessage())));
            }
            out.add(sb.toString());
            int nameWidth = e.steps().stream().mapToInt(s -> s.name().length()).max().orElse(0);
            for (Step s : e.steps()) {
                out.add(step(s, nameWidth));
            }
            for (Rerun r : reruns.getOrDefault(e.id(), List.of())) {
                out.add("  rerun " + r.rerunId() + " date=" + r.businessDate() + " platform=" + quote(r.platform())
                        + " reason=" + quote(r.reason()) + " requested_by=" + quote(r.requestedBy())
                        + " requested_at=" + time(r.requestedAt()) + " outcome=" + quote(r.outcome())
                        + " delta_rows=" + (r.deltaRows() == null ? "-" : r.deltaRows()));
            }
        }
        while (next < dryRuns.size()) {
            out.add(dryRun(dryRuns.get(next++)));
        }
        return out;
    }

    /** The business keys: identifying parameters by name ({@code attempt} last, a digest shortened), then the shown others. */
    static String keys(Execution e) {
        List<String> parts = new ArrayList<>();
        e.keys().entrySet().stream().filter(k -> !k.getKey().equals("attempt")).sorted(Map.Entry.comparingByKey())
                .forEach(k -> parts.add(k.getKey() + "=" + quote(shorten(k.getKey(), k.getValue()))));
        if (e.keys().containsKey("attempt")) {
            parts.add("attempt=" + quote(e.keys().get("attempt")));
        }
        for (String name : SHOWN_OTHERS) {
            String v = e.otherParameters().get(name);
            if (v != null) {
                parts.add(name + "=" + quote(name.equals("file") ? fileName(v) : v));
            }
        }
        return String.join(" ", parts);
    }

    private static String step(Step s, int nameWidth) {
        StringBuilder sb = new StringBuilder("  step ").append(pad(s.name(), nameWidth))
                .append(" status=").append(pad(s.status(), 9))
                .append(" read=").append(s.readCount()).append(" write=").append(s.writeCount())
                .append(" filter=").append(s.filterCount()).append(" skip=").append(s.skipCount())
                .append(" commit=").append(s.commitCount()).append(" rollback=").append(s.rollbackCount())
                .append(" duration=").append(duration(s.startedAt(), s.endedAt()));
        if (failed(s.status()) && firstLine(s.exitMessage()) != null) {
            sb.append(" failure=").append(quote(firstLine(s.exitMessage())));
        }
        return sb.toString();
    }

    /** A rerun without an execution: a dry run, or a rerun that never got to start its job. */
    private static String dryRun(Rerun r) {
        return (r.dryRun() ? "dry-run " : "rerun ") + r.rerunId() + " date=" + r.businessDate() + " platform=" + quote(r.platform())
                + " reason=" + quote(r.reason()) + " requested_by=" + quote(r.requestedBy())
                + " requested_at=" + time(r.requestedAt()) + " outcome=" + quote(r.outcome())
                + " delta_rows=" + (r.deltaRows() == null ? "-" : r.deltaRows());
    }

    private static boolean failed(String status) {
        return "FAILED".equals(status) || "ABANDONED".equals(status) || "STOPPED".equals(status);
    }

    /** Whether {@code t} is after {@code start}; an execution not started yet counts as newest. */
    private static boolean after(Instant t, Instant start) {
        return start != null && t != null && t.isAfter(start);
    }

    private static String shorten(String name, String value) {
        return name.equals("sha256") && value != null && value.length() > 12 ? value.substring(0, 12) : value;
    }

    private static String fileName(String path) {
        try {
            Path p = Path.of(path).getFileName();
            return p == null ? path : p.toString();
        } catch (RuntimeException e) {
            return path;
        }
    }
}
