package io.rebatch.jobs.common;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings under {@code rebatch.*} (config/application.yml or environment variables).
 *
 * @param configDir         the config directory holding {@code rules/*.yml}
 * @param reportsDir        where per-run report CSVs are written
 * @param importSkipLimit   bad rows tolerated per imported file before the file is refused, nothing of it visible
 * @param importMaxBadShare the largest share of bad rows an imported file may have, in whole percent of the rows
 *                          read (0–100, default 10): a file with more is refused whole (exit code 2), as is a
 *                          file whose rows are all bad whatever this setting
 * @param chunkSize         items per chunk transaction in import and settle steps
 * @param input             plausibility bounds of input values ({@code rebatch.input.*})
 * @param settlePartitions  how many partitions of lines a settle works on at once (threads, each with its own
 *                          chunk transactions; {@code rebatch.settle-partitions}, default 2 = the cores of the
 *                          reference machine; 1 = one thread in {@code line_seq} order)
 */
@ConfigurationProperties("rebatch")
public record RebatchProperties(
        @DefaultValue("config") Path configDir,
        @DefaultValue("reports") Path reportsDir,
        @DefaultValue("1000") int importSkipLimit,
        @DefaultValue("10") int importMaxBadShare,
        @DefaultValue("1000") int chunkSize,
        @DefaultValue Input input,
        @DefaultValue("2") int settlePartitions) {

    public RebatchProperties {
        if (settlePartitions < 1 || settlePartitions > 64) {
            throw new IllegalArgumentException("rebatch.settle-partitions must be from 1 to 64, not " + settlePartitions);
        }
        if (importMaxBadShare < 0 || importMaxBadShare > 100) {
            throw new IllegalArgumentException("rebatch.import-max-bad-share must be a percent from 0 to 100, not "
                    + importMaxBadShare);
        }
    }

    /**
     * @param earliestDate no imported time may be before the start of this date in Asia/Shanghai
     *                     ({@code rebatch.input.earliest-date}, default 2015-01-01)
     * @param maxAhead     no imported time may be later than now plus this ({@code rebatch.input.max-ahead},
     *                     default P1D; now from the application's {@code Clock})
     */
    public record Input(@DefaultValue("2015-01-01") LocalDate earliestDate, @DefaultValue("P1D") Duration maxAhead) {
    }
}
