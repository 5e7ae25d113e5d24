package io.rebatch.readers.api;

/**
 * What pulling one window took.
 *
 * @param window    the window pulled
 * @param pages     good pages handed to the sink (repeats included)
 * @param requests  HTTP requests made, retries included
 * @param rows      rows in those pages (snapshots, refunds, skipped-unpaid and rejected rows; repeats included)
 * @param throttled rate-limit answers received (each was waited out and retried)
 */
public record WindowResult(TimeWindow window, int pages, int requests, long rows, int throttled) {

    /** This window's counts plus another's, for a window pulled in parts; keeps this window. */
    public WindowResult plus(WindowResult other) {
        return new WindowResult(window, pages + other.pages, requests + other.requests, rows + other.rows,
                throttled + other.throttled);
    }
}
