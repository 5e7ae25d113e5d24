package io.rebatch.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's finance-operator act (SPEC 10, issue 9): what ran ({@code status}), the last night's reconciliation
 * report ({@code report}), what a rerun of it would change ({@code rerun --dry-run}, which posts nothing), and why
 * one user's balance is what it is ({@code explain}, summing exactly to the balance). Prints the telling lines of
 * each; the full outputs are where the last line says.
 */
final class DemoOperations {
    private final RebatchCommand root;
    private final Path dir;
    private final LocalDate lastNight;

    DemoOperations(RebatchCommand root, Path dir, LocalDate lastNight) {
        this.root = root;
        this.dir = dir;
        this.lastNight = lastNight;
    }

    /** Runs the act; returns how many commands it ran. */
    int run(PrintWriter out) {
        List<Long> users = root.bean(JdbcTemplate.class).queryForList("SELECT user_id FROM user_balance"
                + " ORDER BY pending_fen + available_fen DESC, user_id LIMIT 1", Long.class);
        out.println("finance operator (SPEC 10):");
        show(out, 3, "status", "--limit", "2");
        show(out, 4, "report", "--date", lastNight.toString());
        show(out, 1, "rerun", "--date", lastNight.toString(), "--reason", "demo: what would a rerun change?",
                "--dry-run", "--out", dir.resolve("out/rerun-dry-run.csv").toString());
        int n = 3;
        if (!users.isEmpty()) {
            show(out, 4, "explain", "--user", users.get(0).toString());
            n++;
        }
        out.flush();
        return n;
    }

    /** Runs one command and prints its exit code and its first lines, or its last lines when {@code tail < 0}. */
    private void show(PrintWriter out, int lines, String... command) {
        StringWriter stepOut = new StringWriter();
        StringWriter stepErr = new StringWriter();
        int code = root.runStep(new PrintWriter(stepOut), new PrintWriter(stepErr), command);
        List<String> printed = (stepOut.toString() + stepErr).strip().lines().toList();
        out.println("  $ rebatch " + String.join(" ", command).replace(dir.toAbsolutePath() + "/", "") + "   (exit "
                + code + ", " + printed.size() + " lines)");
        List<String> shown = command[0].equals("explain") ? printed.subList(Math.max(0, printed.size() - lines),
                printed.size()) : printed.subList(0, Math.min(lines, printed.size()));
        for (String line : shown) {
            String l = line.replace(dir.toAbsolutePath() + "/", "");
            out.println("    " + (l.length() > 150 ? l.substring(0, 150) + "…" : l));
        }
    }
}
