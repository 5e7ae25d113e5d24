package io.rebatch.readers.report;

import java.util.List;
import java.util.Objects;

/**
 * One parsed API response body: the rows of its orders (or refunds) and its paging facts, or the platform's error
 * answer. Exactly one of {@code paging} and {@code error} is non-null; an error page has no rows.
 *
 * @param rows   one {@link ReportRow} per order object, in page order (bad orders as {@link ReportRow.Rejected})
 * @param paging what the API client needs to fetch the next page; null for an error page
 * @param error  the platform's error envelope; null for a normal page
 */
public record ParsedPage<P extends Paging>(List<ReportRow> rows, P paging, PlatformError error) {

    public ParsedPage {
        rows = List.copyOf(rows);
        if ((paging == null) == (error == null)) {
            throw new IllegalArgumentException("a page has either paging or an error");
        }
        if (error != null && !rows.isEmpty()) {
            throw new IllegalArgumentException("an error page has no rows");
        }
    }

    public static <P extends Paging> ParsedPage<P> of(List<ReportRow> rows, P paging) {
        return new ParsedPage<>(rows, Objects.requireNonNull(paging), null);
    }

    public static <P extends Paging> ParsedPage<P> failed(PlatformError error) {
        return new ParsedPage<>(List.of(), null, Objects.requireNonNull(error));
    }

    public boolean isError() {
        return error != null;
    }
}
