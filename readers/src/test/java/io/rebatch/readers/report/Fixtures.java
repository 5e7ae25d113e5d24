package io.rebatch.readers.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import io.rebatch.domain.BusinessTime;

/** Where the test data lives, and small helpers to read all rows of a file. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A file of the shared multi-week scenario ({@code -Drebatch.samples.dir}, default /work/shared/samples). */
    public static Path sample(String name) {
        return Path.of(System.getProperty("rebatch.samples.dir", "/work/shared/samples"), "multi-week", name);
    }

    public static Path sampleIn(String name) {
        return sample("in").resolve(name);
    }

    /** A copy of a sample kept in this module's test resources. */
    public static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/samples/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource samples/" + name, e);
        }
    }

    public static Path write(Path dir, String name, String content, Charset charset) {
        return writeBytes(dir, name, content.getBytes(charset));
    }

    public static Path writeBytes(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<ReportRow> readAll(ReportCursor cursor) {
        try (cursor) {
            List<ReportRow> rows = new ArrayList<>();
            cursor.forEachRemaining(rows::add);
            return rows;
        }
    }

    /** A local Asia/Shanghai time, as the platforms write them. */
    public static Instant shanghai(String yyyyMmDdHhMmSs) {
        return LocalDateTime.parse(yyyyMmDdHhMmSs.replace(' ', 'T')).atZone(BusinessTime.ZONE).toInstant();
    }

    public static <T extends ReportRow> List<T> only(List<ReportRow> rows, Class<T> type) {
        return rows.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
