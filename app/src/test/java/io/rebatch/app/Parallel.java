package io.rebatch.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/** Concurrency for tests: workers released together, so races really race. */
public final class Parallel {

    private Parallel() {
    }

    /** Runs {@code task(0 … n-1)} in n threads released together; fails on any exception or after 120 s. */
    public static void inParallel(int n, IntConsumer task) {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    task.accept(index);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(120, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("a worker failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }
}
