package io.rebatch.readers.report;

import io.rebatch.readers.jd.JdOrderPages;
import io.rebatch.readers.pdd.PddOrderPages;
import io.rebatch.readers.taobao.TaobaoExportCsv;
import io.rebatch.readers.taobao.TaobaoOrderPages;
import io.rebatch.readers.taobao.TaobaoRefundCsv;
import io.rebatch.readers.taobao.TaobaoRefundPages;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.platform.Adapters;
import io.rebatch.readers.platform.Feed;
import io.rebatch.readers.platform.PlatformAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens a platform report file as a stream of {@link ReportRow}s through the platform's adapter, which chooses the
 * format by content, never by name. What every platform shares is here:
 * <ul>
 *   <li><b>API dump</b> (JSON Lines, UTF-8; {@link #jsonLines}): one API response body per line, blank lines
 *   ignored; each line goes through the platform's page parser and every row carries the line's number. A line
 *   that is not a page (not JSON, truncated, an HTML error page, not valid UTF-8) or is a platform error answer
 *   becomes one {@link ReportRow.Rejected} holding the whole line; the file reads on.</li>
 *   <li>whether a file is a dump at all ({@link #startsWithBrace}); a platform with an export format (Taobao's
 *   CSV) reads other files as that.</li>
 * </ul>
 *
 * <p>{@code source} of every row is the file name (not the path); {@code lineNo} the 1-based physical line (for
 * CSV, the line the record starts on).
 */
public final class ReportFiles {

    /** A platform's parser of one API response body. */
    @FunctionalInterface
    public interface PageParser {
        ParsedPage<?> parse(String body, String source, long lineNo, PlausibleTimes times);
    }

    private ReportFiles() {
    }

    /**
     * {@link #open(Path, Platform, boolean, PlausibleTimes)} with no limit on times ({@link PlausibleTimes#ANY}).
     */
    public static ReportCursor open(Path file, Platform platform, boolean refunds) {
        return open(file, platform, refunds, PlausibleTimes.ANY);
    }

    /**
     * Opens a report file. An empty file (no bytes, only blank lines, or only a CSV header) yields no rows; whether
     * that is acceptable is the caller's decision.
     *
     * @param refunds true for Taobao refund rows ({@code import --platform taobao --refunds}); only Taobao has them
     * @param times   the plausible range of every time a row carries; a row with a time outside it is Rejected
     * @throws io.rebatch.domain.BadInputException (one line, naming the file) for a CSV whose header lacks a required
     *                                             column, or a file in UTF-16
     * @throws IllegalArgumentException for refunds of a platform other than Taobao
     * @throws UncheckedIOException when the file cannot be read
     */
    public static ReportCursor open(Path file, Platform platform, boolean refunds, PlausibleTimes times) {
        PlatformAdapter adapter = Adapters.of(platform);
        Feed feed = adapter.feeds().stream().filter(f -> f.refunds() == refunds).findFirst().orElseThrow(() ->
                new IllegalArgumentException("refund files exist only for platforms with a refund feed, not " + platform));
        return adapter.open(file, feed, times);
    }

    /** Whether the first character after a UTF-8 BOM and blanks is {@code {} (an empty file counts as a dump). */
    public static boolean startsWithBrace(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            int i = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
            for (; ; i++) {
                int b = i < head.length ? head[i] & 0xFF : in.read();
                if (b == -1) {
                    return true;
                }
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                    return b == '{';
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** An API dump: one response body per line, each through {@code parser}. */
    public static ReportCursor jsonLines(Path file, PageParser parser, PlausibleTimes times) {
        TextLines lines = TextLines.open(file, StandardCharsets.UTF_8);
        String source = lines.source();
        return new ReportCursor(source, new ReportCursor.Batches() {
            @Override
            public List<ReportRow> next() {
                TextLines.Line line = lines.next();
                while (line != null && line.isBlank()) {
                    line = lines.next();
                }
                if (line == null) {
                    return null;
                }
                if (line.error() != null) {
                    return List.of(new ReportRow.Rejected(source, line.lineNo(), line.text(), line.error()));
                }
                try {
                    ParsedPage<?> page = parser.parse(line.text(), source, line.lineNo(), times);
                    if (page.isError()) {
                        return List.of(new ReportRow.Rejected(source, line.lineNo(), line.text(),
                                "the line is a platform error answer, not a page of orders: " + page.error().describe()));
                    }
                    return page.rows();
                } catch (PageParseException e) {
                    return List.of(new ReportRow.Rejected(source, line.lineNo(), line.text(), e.getMessage()));
                }
            }

            @Override
            public void close() {
                lines.close();
            }
        });
    }
}
