/**
 * Pulling affiliate order reports over the platforms' real APIs (SPEC.md §2.1, platforms.md part B): the shared
 * window/page/retry machinery ({@link io.rebatch.readers.api.OrderPull}, {@link io.rebatch.readers.api.ApiCaller},
 * {@link io.rebatch.readers.api.Signing}, {@link io.rebatch.readers.api.RateLimiter}, the Failsafe retry policy).
 * Each platform's client lives in its own package ({@code io.rebatch.readers.taobao}, …); every response body is
 * parsed by the same page parser that reads the platform's API dump files, and handed on exactly as received.
 *
 * <p>Never here: storing rows, committing, archiving (the pull job's), or an app secret anywhere but in
 * {@link io.rebatch.readers.api.Signing}.
 */
package io.rebatch.readers.api;
