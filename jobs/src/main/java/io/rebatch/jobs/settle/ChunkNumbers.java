package io.rebatch.jobs.settle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The 1-based numbers of the items a settle execution hands to its writers, counted across all its partitions in
 * the order their chunks reach the writer: what progress lines and fault-injection points ({@code
 * rebatch.fault.settle.*-at-item}) name items by. One counter per job execution, so a restart counts from 1 again.
 */
public final class ChunkNumbers {
    private final Map<Long, AtomicLong> seen = new ConcurrentHashMap<>();

    /** The first and last number of a chunk of {@code size} items of execution {@code jobExecutionId}. */
    long[] next(long jobExecutionId, int size) {
        long last = seen.computeIfAbsent(jobExecutionId, k -> new AtomicLong()).addAndGet(size);
        return new long[] {last - size + 1, last};
    }
}
