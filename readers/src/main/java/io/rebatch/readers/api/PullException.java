package io.rebatch.readers.api;

import io.rebatch.domain.Platform;
import io.rebatch.readers.report.PlatformError;

/**
 * A window could not be pulled. The message says which platform, API, window and page, what went wrong and what
 * to do; it never holds an app secret or a signed request.
 */
public class PullException extends RuntimeException {

    /** Why the pull stopped. */
    public enum Kind {
        /** Rate-limit answers outlasted the retries, or the platform banned calls for longer than we may wait. */
        THROTTLED,
        /** 5xx, timeouts, broken connections or unreadable bodies outlasted the retries. */
        TRANSIENT,
        /** The platform rejected our credentials, signature, clock or settings (window too long): fix the configuration; never retried. */
        CONFIGURATION,
        /** The platform rejected the request or answered something we do not understand; never retried. */
        PROTOCOL,
        /** The thread was interrupted while waiting. */
        INTERRUPTED
    }

    private final Kind kind;
    private final Platform platform;
    private final String api;
    private final TimeWindow window;
    private final long page;
    private final int attempts;
    private final PlatformError platformError;

    public PullException(Kind kind, Platform platform, String api, TimeWindow window, long page, int attempts,
                         PlatformError platformError, String detail, Throwable cause) {
        super(platform + " " + api + " window " + window + (page > 0 ? " page " + page : "") + ": " + detail, cause);
        this.kind = kind;
        this.platform = platform;
        this.api = api;
        this.window = window;
        this.page = page;
        this.attempts = attempts;
        this.platformError = platformError;
    }

    public Kind kind() {
        return kind;
    }

    public Platform platform() {
        return platform;
    }

    public String api() {
        return api;
    }

    public TimeWindow window() {
        return window;
    }

    /** The page being fetched (1-based; for Pinduoduo the page number asked for), 0 when not page-specific. */
    public long page() {
        return page;
    }

    /** Requests made for that page before giving up. */
    public int attempts() {
        return attempts;
    }

    /** The platform's last error answer, or null (HTTP failure, unreadable body, settings checked before calling). */
    public PlatformError platformError() {
        return platformError;
    }
}
