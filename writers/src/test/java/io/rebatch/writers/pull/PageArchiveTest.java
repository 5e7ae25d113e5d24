package io.rebatch.writers.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageArchiveTest {
    private static final Instant START = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aCompleteWindowIsOnePageALineUnderFeedAndDate() throws IOException {
        PageArchive archive = new PageArchive(dir);
        Path target = archive.target("JD_ORDERS", LocalDate.parse("2026-11-25"), "jd.union.open.order.row.query",
                START, START.plusSeconds(3600));

        String result = archive.write(target, pages -> {
            pages.add("{\"page\":1,\r\n \"rows\":[]}");
            pages.add("{\"page\":2}");
            return "2 pages";
        });

        assertThat(result).isEqualTo("2 pages");
        assertThat(target).isEqualTo(dir.resolve("jd_orders/2026-11-25/jd.union.open.order.row.query-"
                + START.getEpochSecond() + "-" + (START.getEpochSecond() + 3600) + ".jsonl"));
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("{\"page\":1, \"rows\":[]}\n{\"page\":2}\n");
        assertThat(filesIn(target.getParent())).containsExactly(target.getFileName().toString());
    }

    @Test
    void aWindowThatFailsLeavesNothingHalfWritten() throws IOException {
        PageArchive archive = new PageArchive(dir);
        Path target = archive.target("PDD_ORDERS", LocalDate.parse("2026-11-25"), "pdd.ddk.order.list", START,
                START.plusSeconds(60));

        assertThatThrownBy(() -> archive.write(target, pages -> {
            pages.add("{\"page\":1}");
            throw new IllegalStateException("rate limited after page 1");
        })).hasMessage("rate limited after page 1");

        assertThat(target).doesNotExist();
        assertThat(filesIn(target.getParent())).isEmpty();
    }

    private static Stream<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
