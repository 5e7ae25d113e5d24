package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * One in-process CLI command with its exit code and what it printed, as a finance script sees it: the tests of
 * the CLI contract (exit codes, one-line errors, import summaries) all run commands through here.
 */
public record CliRun(int code, String out, String err) {

    /** Runs {@code rebatch ARGS…}, capturing stdout and stderr (and echoing both to the test log). */
    public static synchronized CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        int code;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = RebatchCommand.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        CliRun r = new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        oldOut.println("[" + String.join(" ", args) + "] exit " + code + "\n" + r.out() + r.err());
        return r;
    }

    /** A steps.txt line of a scenario against a database. */
    static CliRun step(Path scenario, String jdbcUrl, String step) {
        return of(Scenarios.args(scenario, jdbcUrl, step));
    }

    public List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }

    /** The summary line of an import or load, which names the file. */
    public String summary() {
        return out.lines().filter(l -> l.contains(": done (")).findFirst().orElse("<no summary in: " + out + ">");
    }

    /** Exactly one line on stderr, no stack trace anywhere on the console. */
    public String oneErrorLine() {
        assertThat(err.lines().toList()).as("stderr of exit %s: %s", code, err).hasSize(1);
        assertThat(out + err).doesNotContain("\tat ").doesNotContain("Exception:").doesNotContain("APPLICATION FAILED");
        assertThat(err).startsWith("rebatch: ");
        return err.strip();
    }
}
