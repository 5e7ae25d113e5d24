package io.rebatch.sandbox.server;

/**
 * A platform's counters at one moment.
 *
 * @param requests        every HTTP request that reached the platform's gateway path
 * @param pagesServed     successful pages (order and refund APIs)
 * @param snapshotsServed rows in those pages (duplicates across pages counted each time)
 * @param throttled       rate-limit answers injected
 * @param errors          HTTP 5xx answers injected
 * @param rejected        error envelopes for bad requests (app key, signature, timestamp, window, page size …)
 * @param injectedUpdates Pinduoduo updates simulated while a client was paging
 */
public record CounterSnapshot(long requests, long pagesServed, long snapshotsServed, long throttled, long errors,
                              long rejected, long injectedUpdates) {
}
