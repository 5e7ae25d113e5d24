package io.rebatch.readers.report;

import io.rebatch.domain.BadInputException;

/**
 * A whole API response body could not be read as a page: it is not JSON (an HTML error page, a proxy's text), it
 * is truncated, or it is JSON of an unexpected shape (no known envelope, a paging field of the wrong type, JD's
 * {@code queryResult} not being JSON). Nothing of the page can be trusted, so no row of it is produced.
 *
 * <p>The API clients catch this to retry the request or fail the step; {@link ReportFiles} turns it into one
 * {@link ReportRow.Rejected} holding the whole line. A bad <em>order</em> inside a good page is never this
 * exception: it becomes a Rejected row of its own and the rest of the page is kept.
 */
public class PageParseException extends BadInputException {
    public PageParseException(String message) {
        super(message);
    }
}
