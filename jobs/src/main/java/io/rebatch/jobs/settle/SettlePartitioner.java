package io.rebatch.jobs.settle;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits a settle's lines into {@code gridSize} partitions by {@code line_seq mod gridSize}: even in size whatever
 * the night changed (the due lines of a night cluster at the newest {@code line_seq}s, so ranges would not be), and
 * disjoint, so two partitions never lock the same line. A line's postings touch the balances of up to three users,
 * which two partitions may share; those updates are commutative additions made in user-id order, so partitions
 * cannot deadlock on them (and a chunk that still loses a lock race is retried by the writer).
 *
 * <p>A partition is described by its execution context alone ({@value #INDEX}, {@value #COUNT}), so the same
 * partitioner serves local threads today and remote workers (Spring Batch remote partitioning) later.
 */
public class SettlePartitioner implements Partitioner {
    public static final String INDEX = "partition.index";
    public static final String COUNT = "partition.count";

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        Map<String, ExecutionContext> out = new LinkedHashMap<>();
        for (int i = 0; i < gridSize; i++) {
            ExecutionContext context = new ExecutionContext();
            context.putInt(INDEX, i);
            context.putInt(COUNT, gridSize);
            out.put("partition" + i, context);
        }
        return out;
    }
}
