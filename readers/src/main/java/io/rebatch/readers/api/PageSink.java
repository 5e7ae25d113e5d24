package io.rebatch.readers.api;

import io.rebatch.readers.report.ParsedPage;

/**
 * Receives every good page of a window, in fetch order, exactly as the platform sent it. The pull job archives
 * {@code rawBody} as one line of the API dump (platforms.md "Report files") and feeds {@code page.rows()} to the same
 * store as {@code import}. Pages with a platform error never reach the sink.
 *
 * <p>A page may be delivered twice (Pinduoduo's backward paging re-reads page 1, a window split after a page limit
 * re-reads rows); snapshots are idempotent, so the sink must accept repeats. An exception thrown by the sink ends
 * the pull at once and propagates unchanged (it is never retried).
 */
@FunctionalInterface
public interface PageSink {
    void accept(String rawBody, ParsedPage<?> page);
}
