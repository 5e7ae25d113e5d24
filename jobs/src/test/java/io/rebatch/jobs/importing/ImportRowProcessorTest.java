package io.rebatch.jobs.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.writers.quarantine.QuarantineStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.step.StepExecution;

/**
 * The one classification of a row, on a made-up kind whose rows are lines {@code id,time} of a text file: a line
 * starting with {@code unpaid} is skipped, {@code ?} is a parser rejection, a time outside the plausible range is
 * bad, and the whole-file check refuses ids that appear twice. A good row stores its id.
 */
class ImportRowProcessorTest {
    private static final Instant NOW = Instant.parse("2026-11-25T08:00:00Z");
    private static final PlausibleDates DATES = PlausibleDates.of(LocalDate.parse("2015-01-01"), Duration.ofDays(1),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @TempDir
    Path dir;

    @Test
    void aRowIsSkippedRejectedOrMappedToWhatItStores() {
        ImportRowProcessor<String, Long> rows = new ImportRowProcessor<>(new Lines(false), "K", DATES);

        assertThat(rows.process(new ImportRow<>(1, "7," + NOW))).isEqualTo(7L);
        assertThat(rows.process(new ImportRow<>(2, "unpaid"))).isNull();
        assertThatThrownBy(() -> rows.process(new ImportRow<>(3, "?")))
                .isInstanceOfSatisfying(BadRowException.class, e -> assertThat(e.entry())
                        .isEqualTo(new QuarantineStore.Entry("K", 3, "LINE", null, "f", 3, "?", "not a number")));
        assertThatThrownBy(() -> rows.process(new ImportRow<>(4, "8," + NOW.plus(Duration.ofDays(3)))))
                .isInstanceOfSatisfying(BadRowException.class, e -> assertThat(e.entry().reason())
                        .startsWith("time").contains("later than"));
    }

    @Test
    void theWholeFileVerdictIsFixedBeforeTheFirstRowAndOnlyCountsRowsThatPassTheRowChecks() throws IOException {
        Path file = Files.write(dir.resolve("lines.txt"), List.of("1," + NOW, "2," + NOW, "1," + NOW,
                "3," + NOW.plus(Duration.ofDays(3)), "3," + NOW, "unpaid", "unpaid"));
        ImportRowProcessor<String, Long> rows = new ImportRowProcessor<>(new Lines(true), "K", file, se -> DATES);
        rows.beforeStep(new StepExecution("scan", null));

        assertThat(rows.process(new ImportRow<>(2, "2," + NOW))).isEqualTo(2L);
        assertThatThrownBy(() -> rows.process(new ImportRow<>(1, "1," + NOW)))
                .isInstanceOfSatisfying(BadRowException.class, e -> assertThat(e.entry().reason()).isEqualTo("1 twice"));
        // id 3 once implausible (a row check), once good: not a duplicate for the whole-file check
        assertThat(rows.process(new ImportRow<>(5, "3," + NOW))).isEqualTo(3L);
        assertThat(rows.process(new ImportRow<>(6, "unpaid"))).isNull();
    }

    /** Rows are {@code id,time} lines. */
    private static final class Lines implements ImportKind<String, Long> {
        private final boolean duplicatesCheck;

        Lines(boolean duplicatesCheck) {
            this.duplicatesCheck = duplicatesCheck;
        }

        @Override
        public String name() {
            return "LINES";
        }

        @Override
        public String platform() {
            return null;
        }

        @Override
        public Cursor<String> open(Path file) {
            try {
                var it = Files.readAllLines(file).iterator();
                return new Cursor<>() {
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    public String next() {
                        return it.next();
                    }

                    public void close() {
                    }
                };
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public QuarantineStore.Entry rejected(String importKey, long rowNo, String row, PlausibleDates dates) {
            if (row.startsWith("?")) {
                return new QuarantineStore.Entry(importKey, rowNo, "LINE", null, "f", rowNo, row, "not a number");
            }
            String reason = dates.check("time", Instant.parse(row.split(",")[1]));
            return reason == null ? null : new QuarantineStore.Entry(importKey, rowNo, "LINE", null, "f", rowNo, row,
                    reason);
        }

        @Override
        public FileCheck<String> newFileCheck() {
            if (!duplicatesCheck) {
                return null;
            }
            return new FileCheck<>() {
                private final Set<Long> seen = new HashSet<>();
                private final Set<Long> twice = new HashSet<>();

                public void add(String row) {
                    if (!seen.add(stored(row))) {
                        twice.add(stored(row));
                    }
                }

                public RowVerdict<String> finish() {
                    return twice.isEmpty() ? null : (key, rowNo, row) -> twice.contains(stored(row))
                            ? new QuarantineStore.Entry(key, rowNo, "LINE", null, "f", rowNo, row, stored(row) + " twice")
                            : null;
                }
            };
        }

        @Override
        public boolean skipped(String row) {
            return row.startsWith("unpaid");
        }

        @Override
        public Long stored(String row) {
            return Long.parseLong(row.split(",")[0]);
        }

        @Override
        public void store(List<Long> values, ImportCounters counters) {
            throw new UnsupportedOperationException("the processor never stores");
        }
    }
}
