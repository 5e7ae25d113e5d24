package io.rebatch.writers.pull;

import io.rebatch.writers.csv.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The archive of pulled API pages: one file per pulled window, one JSON line per page exactly as received (the API
 * dump format, so {@code import} can replay it), at {@code <dir>/<feed>/<D>/<api>-<start>-<end>.jsonl} where D is
 * the business date of the pull. A window's file is written under a temporary name and renamed once the window is
 * complete ({@link AtomicFile}): a window that fails leaves no archive, never half of one.
 */
public class PageArchive {
    /** Receives the pages of one window, in order. */
    public interface Pages {
        void add(String rawBody);
    }

    /** Pulls one window, handing each page to {@code pages}; returns what the caller wants to keep of the pull. */
    @FunctionalInterface
    public interface Window<R> {
        R pull(Pages pages);
    }

    private final Path dir;

    public PageArchive(Path dir) {
        this.dir = dir;
    }

    /** Where a window's pages are archived. */
    public Path target(String feed, LocalDate businessDate, String api, Instant start, Instant end) {
        return dir.resolve(feed.toLowerCase(Locale.ROOT)).resolve(businessDate.toString())
                .resolve(api + "-" + start.getEpochSecond() + "-" + end.getEpochSecond() + ".jsonl");
    }

    /**
     * Runs {@code window}, writing its pages to {@code target}; the file appears only if the window completes. An
     * exception of the window leaves nothing at {@code target} (an earlier complete archive stays) and propagates.
     */
    public <R> R write(Path target, Window<R> window) {
        Object[] result = {null};
        AtomicFile.write(target, StandardCharsets.UTF_8, out -> result[0] = window.pull(raw -> line(out, raw, target)));
        @SuppressWarnings("unchecked")
        R r = (R) result[0];
        return r;
    }

    private static void line(Writer out, String rawBody, Path target) {
        try {
            // one page a line: the body's own line breaks are insignificant JSON white space
            out.write(rawBody.replace("\r", "").replace("\n", ""));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot archive a page to " + target + ": " + e.getMessage(), e);
        }
    }
}
