package io.rebatch.jobs.common;

import org.springframework.core.env.Environment;

/**
 * Test-only fault points that prove restartability (settle killed mid-step). Off unless the property is set:
 * {@code rebatch.fault.<point>.fail-at-item=N} throws while writing the chunk holding the N-th item of a step
 * execution; {@code rebatch.fault.<point>.pause-at-item=N} announces "FAULT pause" on stderr and blocks there so
 * a test can SIGKILL the process with the chunk uncommitted; with {@code rebatch.fault.<point>.pause-once=FILE} only
 * the first process to create FILE pauses (two scheduler nodes with the same settings: the one that runs the job
 * first pauses, the one that takes over does not); {@code rebatch.fault.<point>.delay-ms=N} sleeps N ms before every
 * chunk there, inside its transaction, so that a job takes long enough to watch its progress or to stop it mid-step.
 */
public class FaultInjection {
    private final Environment env;

    public FaultInjection(Environment env) {
        this.env = env;
    }

    /** Called with the 1-based range of items the chunk covers, before anything of the chunk is written. */
    public void beforeWrite(String point, long firstItem, long lastItem) {
        long delayMillis = env.getProperty("rebatch.fault." + point + ".delay-ms", Long.class, 0L);
        if (delayMillis > 0) {
            sleep(point, delayMillis);
        }
        long failAt = env.getProperty("rebatch.fault." + point + ".fail-at-item", Long.class, -1L);
        if (failAt >= firstItem && failAt <= lastItem) {
            throw new IllegalStateException("injected failure at item " + failAt + " of " + point);
        }
        long pauseAt = env.getProperty("rebatch.fault." + point + ".pause-at-item", Long.class, -1L);
        String once = env.getProperty("rebatch.fault." + point + ".pause-once");
        if (pauseAt >= firstItem && pauseAt <= lastItem && (once == null || claim(once))) {
            System.err.println("FAULT pause " + point + " at item " + pauseAt);
            System.err.flush();
            sleep(point, Long.MAX_VALUE);
        }
    }

    private static void sleep(String point, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at fault point " + point, e);
        }
    }

    private static boolean claim(String file) {
        try {
            java.nio.file.Files.createFile(java.nio.file.Path.of(file));
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
