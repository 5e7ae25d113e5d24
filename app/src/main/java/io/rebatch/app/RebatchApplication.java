package io.rebatch.app;

import io.rebatch.api.ApiConfiguration;
import io.rebatch.app.cli.RebatchCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import io.rebatch.scheduler.SchedulerConfiguration;

/**
 * The rebatch executable. {@code main} hands the arguments to the picocli command line, which parses them
 * first (a usage error never starts anything) and starts the Spring context only for commands that need it.
 * The REST layer ({@code io.rebatch.api}) is left out of the scan and imported through {@link ApiConfiguration},
 * which only acts in {@code serve}'s servlet context.
 */
@SpringBootApplication(scanBasePackages = {"io.rebatch.app", "io.rebatch.jobs", "io.rebatch.readers",
        "io.rebatch.writers", "io.rebatch.sandbox"})
@Import({ApiConfiguration.class, SchedulerConfiguration.class})
public class RebatchApplication {
    public static void main(String[] args) {
        System.exit(RebatchCommand.execute(args));
    }
}
