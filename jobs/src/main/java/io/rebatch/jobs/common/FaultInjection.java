package io.rebatch.jobs.common;

import org.springframework.core.env.Environment;

/**
 * Test-only fault points that prove restartability (settle killed mid-step). Off unless the property is set:
 * {@code rebatch.fault.<point>.fail-at-item=N} throws while writing the chunk holding the N-th item of a step
 * execution; {@code rebatch.fault.<point>.pause-at-item=N} announces "FAULT pause" on stderr and blocks there so
 * a test can SIGKILL the process with the chunk uncommitted.
 */
public class FaultInjection {
    private final Environment env;

    public FaultInjection(Environment env) {
        this.env = env;
    }

    /** Called with the 1-based range of items the chunk covers, before anything of the chunk is written. */
    public void beforeWrite(String point, long firstItem, long lastItem) {
        long failAt = env.getProperty("rebatch.fault." + point + ".fail-at-item", Long.class, -1L);
        if (failAt >= firstItem && failAt <= lastItem) {
            throw new IllegalStateException("injected failure at item " + failAt + " of " + point);
        }
        long pauseAt = env.getProperty("rebatch.fault." + point + ".pause-at-item", Long.class, -1L);
        if (pauseAt >= firstItem && pauseAt <= lastItem) {
            System.err.println("FAULT pause " + point + " at item " + pauseAt);
            System.err.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted at fault point " + point, e);
            }
        }
    }
}
