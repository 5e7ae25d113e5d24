package io.rebatch.jobs.importing;

import io.rebatch.writers.imports.ImportRunStore;
import java.time.Instant;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The {@code import_run} row of an import or pull, from the counts its steps kept. Shared by both jobs. */
public final class ImportRuns {
    private ImportRuns() {
    }

    /**
     * @param scan the context holding {@code rows.read}, {@code rows.quarantined}, {@code rows.unpaid}
     * @param load the context holding {@code rows.new}, {@code rows.changed}, {@code rows.unchanged}, {@code rows.stale}
     */
    public static ImportRunStore.ImportRun of(Instant completedAt, String importKey, String kind, String platform,
                                              String fileName, String sha256, ExecutionContext scan,
                                              ExecutionContext load) {
        return new ImportRunStore.ImportRun(importKey, kind, platform, fileName, sha256, scan.getLong("rows.read", 0L),
                load.getLong("rows.new", 0L), load.getLong("rows.changed", 0L), load.getLong("rows.unchanged", 0L),
                load.getLong("rows.stale", 0L), scan.getLong("rows.quarantined", 0L), scan.getLong("rows.unpaid", 0L),
                completedAt);
    }
}
