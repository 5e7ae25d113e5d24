package io.rebatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A rebatch CLI run in a JVM of its own (java of this JVM, the test class path), its output (stdout and stderr)
 * going to a log file. Children started with a barrier directory ({@link SettleChildMain}) check in there when
 * their context is ready and wait for {@link #release}, so that their jobs start together.
 */
final class ChildProcess {
    static final String BARRIER_DIR_PROPERTY = "rebatch.test.barrier.dir";

    /** JVM options that make a short-lived child start faster; they do not change what it computes. */
    static final List<String> FAST_START = List.of("-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx256m");

    private static final String GO = "go";
    private static final long BARRIER_TIMEOUT_MILLIS = 120_000;

    private final String label;
    private final Process process;
    private final Path log;

    private ChildProcess(String label, Process process, Path log) {
        this.label = label;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code main} with the given JVM options (e.g. {@code -Dkey=value}) and program arguments. */
    static ChildProcess start(String label, Path log, List<String> jvmOptions, Class<?> main, List<String> args) {
        return start(label, log, jvmOptions, List.of(), main, args);
    }

    /** Like {@link #start(String, Path, List, Class, List)} with more class path entries before the test's. */
    static ChildProcess start(String label, Path log, List<String> jvmOptions, List<Path> classPathFirst, Class<?> main,
                              List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        List<String> cp = new ArrayList<>(classPathFirst.stream().map(p -> p.toAbsolutePath().toString()).toList());
        cp.add(System.getProperty("java.class.path"));
        cmd.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, cp), main.getName()));
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ChildProcess(label, p, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + label, e);
        }
    }

    /** Waits for the exit code; a child still running after the timeout is killed and reported as -1. */
    int waitFor(long timeoutSeconds) {
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                return -1;
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }

    /** SIGTERM: the child's shutdown hooks run (graceful stop); returns its exit code, -1 if still alive after the wait. */
    int terminate(long timeoutSeconds) {
        process.destroy();
        return waitFor(timeoutSeconds);
    }

    /** SIGKILLs the child (no shutdown hook, no rollback by the JVM) and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(label + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + label, e);
        }
    }

    String label() {
        return label;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the child printed. */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** The CLI's one-line failure message ({@code rebatch: ...}), or empty. */
    String failureLine() {
        String found = "";
        for (String line : output().split("\\R")) {
            if (line.startsWith("rebatch:")) {
                found = line;
            }
        }
        return found;
    }

    // --- the start barrier ------------------------------------------------------------------------------------

    /**
     * Waits until every child that is still alive has checked in at {@code dir}, then lets them all go at once.
     * A child that dies before checking in (its context failed) is not waited for.
     */
    static void release(Path dir, List<ChildProcess> children) {
        long deadline = System.currentTimeMillis() + BARRIER_TIMEOUT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            long alive = children.stream().filter(ChildProcess::isAlive).count();
            if (checkedIn(dir) >= alive) {
                break;
            }
            sleep(10);
        }
        try {
            Files.createFile(dir.resolve(GO));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In the child: checks in at {@code dir} and blocks until the test creates the go file. */
    static void awaitRelease(Path dir) {
        try {
            Files.createFile(dir.resolve("ready-" + ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.currentTimeMillis() + BARRIER_TIMEOUT_MILLIS;
        while (!Files.exists(dir.resolve(GO)) && System.currentTimeMillis() < deadline) {
            sleep(2);
        }
    }

    private static long checkedIn(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("ready-")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the start barrier", e);
        }
    }
}
