package io.rebatch.jobs.importing;

import io.rebatch.writers.quarantine.QuarantineStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first pass over a file: every bad row goes to quarantine with its reason (committed on its own, so the
 * reasons stay visible even when the file is refused), and the rows are counted. Past the skip limit the
 * import fails before anything of the file reaches the order tables: nothing half-imported is ever visible.
 */
public class ImportScan {
    public record Result(long rows, long quarantined, long skippedUnpaid) {
    }

    private final QuarantineStore quarantine;
    private final TransactionTemplate newTransaction;

    public ImportScan(QuarantineStore quarantine, PlatformTransactionManager transactionManager) {
        this.quarantine = quarantine;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public <T> Result scan(ImportKind<T> kind, Path file, String importKey, int skipLimit) {
        long rows = 0;
        long bad = 0;
        long unpaid = 0;
        List<QuarantineStore.Entry> batch = new ArrayList<>();
        try (ImportKind.Cursor<T> cursor = kind.open(file)) {
            while (cursor.hasNext()) {
                T row = cursor.next();
                rows++;
                if (kind.skipped(row)) {
                    unpaid++;
                    continue;
                }
                QuarantineStore.Entry e = kind.rejected(importKey, rows, row);
                if (e != null) {
                    bad++;
                    batch.add(e);
                    if (batch.size() >= 500) {
                        flush(batch);
                    }
                }
            }
        }
        flush(batch);
        if (bad > skipLimit) {
            throw new ImportRefusedException(file.getFileName() + ": " + bad + " bad rows exceed the skip limit of "
                    + skipLimit + "; nothing of the file was imported (reasons in quarantine, import_key=" + importKey + ")");
        }
        return new Result(rows, bad, unpaid);
    }

    private void flush(List<QuarantineStore.Entry> batch) {
        if (!batch.isEmpty()) {
            List<QuarantineStore.Entry> copy = List.copyOf(batch);
            newTransaction.executeWithoutResult(s -> quarantine.insert(copy));
            batch.clear();
        }
    }

    /** The file has more bad rows than the skip limit allows. */
    public static class ImportRefusedException extends RuntimeException {
        public ImportRefusedException(String message) {
            super(message);
        }
    }
}
