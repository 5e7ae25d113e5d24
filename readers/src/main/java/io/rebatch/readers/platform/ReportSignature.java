package io.rebatch.readers.platform;

import java.util.List;
import java.util.Objects;

/**
 * How a platform's report looks from inside: marks its rows (or a parser's reason about them) carry, e.g. an API
 * response envelope name. The importer uses them to name the likely cause of a refused file ("wrong platform?").
 *
 * @param feed     the feed whose rows carry the marks
 * @param marks    any of these substrings in a row's text or reason identifies the feed
 * @param sameHint the hint when such rows were imported as another feed of the same platform (and, for a refund
 *                 feed, as anything), or null to say "wrong platform?"
 */
public record ReportSignature(Feed feed, List<String> marks, String sameHint) {

    public ReportSignature {
        Objects.requireNonNull(feed, "feed");
        marks = List.copyOf(marks);
    }

    public boolean carriedBy(String text) {
        return marks.stream().anyMatch(text::contains);
    }

    /** The hint for a file imported as a report of {@code importedPlatform} whose rows carry this signature. */
    public String hint(String importedPlatform) {
        if (sameHint != null && (feed.refunds() || feed.platform().code().equals(importedPlatform))) {
            return sameHint;
        }
        return "wrong platform? the rows look like a " + feed.platform() + " report, imported as " + importedPlatform;
    }
}
