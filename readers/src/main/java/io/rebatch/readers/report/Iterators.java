package io.rebatch.readers.report;

import java.util.Iterator;

/** What the readers' cursors share. */
public final class Iterators {

    private Iterators() {
    }

    /** Skips up to {@code n} items (a restart resuming after its last commit); returns how many were skipped. */
    public static long skip(Iterator<?> it, long n) {
        long skipped = 0;
        while (skipped < n && it.hasNext()) {
            it.next();
            skipped++;
        }
        return skipped;
    }
}
