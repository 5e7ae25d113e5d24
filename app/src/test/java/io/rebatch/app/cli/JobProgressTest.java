package io.rebatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.app.cli.ProgressLines.PlainLines;
import io.rebatch.app.cli.ProgressLines.StepSample;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobProgressTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aLineNamesTheCommandTheStepTheCountsAgainstTheTotalAndTheRate() {
        assertThat(ProgressLines.line("settle 2026-11-25", new StepSample(7, "settleLines", 12_000, 12_000, 30_000L), 2_410))
                .isEqualTo("progress settle 2026-11-25: settleLines 12,000/30,000 items (2,410/s)");
    }

    @Test
    void withoutATotalOnlyTheCountAndWrittenWhenItDiffersFromRead() {
        assertThat(ProgressLines.line("import orders:jd a.jsonl", new StepSample(7, "load", 1_500, 1_480, null), 300))
                .isEqualTo("progress import orders:jd a.jsonl: load 1,500 items, 1,480 written (300/s)");
    }

    @Test
    void aStepThatReadsNothingIsRunning() {
        assertThat(ProgressLines.line("settle 2026-11-25", new StepSample(8, "settleReport", 0, 0, null), 0))
                .isEqualTo("progress settle 2026-11-25: settleReport running");
        assertThat(ProgressLines.line("settle 2026-11-25", new StepSample(7, "settleLines", 0, 0, 30_000L), 0))
                .isEqualTo("progress settle 2026-11-25: settleLines 0/30,000 items (0/s)");
    }

    @Test
    void rateIsItemsPerSecondRoundedDown() {
        assertThat(ProgressLines.perSecond(0, 0, 24_100, 10 * SECOND)).isEqualTo(2_410);
        assertThat(ProgressLines.perSecond(100, 5 * SECOND, 105, 7 * SECOND)).isEqualTo(2); // 2.5/s
        assertThat(ProgressLines.perSecond(0, 0, 3, SECOND / 4)).isEqualTo(12);
        assertThat(ProgressLines.perSecond(0, 5, 10, 5)).as("no time passed").isZero();
        assertThat(ProgressLines.perSecond(50, 0, 10, SECOND)).as("count went back (a restarted step)").isZero();
        assertThat(ProgressLines.perSecond(0, 0, Long.MAX_VALUE / 2, 2 * SECOND)).isEqualTo(Long.MAX_VALUE / 4);
    }

    @Test
    void nothingBeforeTheFirstIntervalThenAtMostOneLineAnInterval() {
        long start = 1_000 * SECOND; // nanoTime has an arbitrary origin
        PlainLines lines = new PlainLines("settle 2026-11-25", 10 * SECOND, start);
        assertThat(lines.at(start + SECOND, List.of(sample(0)))).isEmpty();
        assertThat(lines.at(start + 9 * SECOND, List.of(sample(16_000)))).as("a command done in 9 s prints nothing")
                .isEmpty();
        assertThat(lines.at(start + 10 * SECOND, List.of(sample(18_000))))
                .containsExactly("progress settle 2026-11-25: settleLines 18,000/30,000 items (2,000/s)");
        assertThat(lines.at(start + 15 * SECOND, List.of(sample(28_000)))).isEmpty();
        assertThat(lines.at(start + 21 * SECOND, List.of())).as("between two jobs: nothing running").isEmpty();
        assertThat(lines.at(start + 22 * SECOND, List.of(new StepSample(8, "settleReport", 0, 0, null))))
                .containsExactly("progress settle 2026-11-25: settleReport running");
    }

    @Test
    void aRestartedStepCountsFromTheStartOfItsFirstRun() {
        assertThat(JobProgress.resumedAfter(List.of(90L), 5)).as("resumed after 85 items").isEqualTo(85);
        assertThat(JobProgress.resumedAfter(List.of(20L), 20)).as("a first run").isZero();
        assertThat(JobProgress.resumedAfter(List.of(), 20)).as("no reader position").isZero();
        assertThat(JobProgress.resumedAfter(List.of(90L, 40L), 5)).as("two readers: unknown").isZero();
        assertThat(JobProgress.resumedAfter(List.of(0L), 5)).as("never negative").isZero();
    }

    @Test
    void intervalIsSecondsByDefaultAndZeroIsOff() {
        assertThat(JobProgress.interval(null)).isEqualTo(Duration.ofSeconds(10));
        assertThat(JobProgress.interval(" ")).isEqualTo(Duration.ofSeconds(10));
        assertThat(JobProgress.interval("1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(JobProgress.interval("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(JobProgress.interval("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(JobProgress.interval("0")).isZero();
        assertThat(JobProgress.interval("-5")).isZero();
        assertThatThrownBy(() -> JobProgress.interval("often")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rebatch.progress.interval: 'often' is not a duration (e.g. 10, 10s, 500ms; 0 = off)");
    }

    private static StepSample sample(long read) {
        return new StepSample(7, "settleLines", read, read, 30_000L);
    }
}
