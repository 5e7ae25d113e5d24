package io.rebatch.app;

import io.rebatch.app.cli.RebatchCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The rebatch executable. {@code main} hands the arguments to the picocli command line, which parses them
 * first (a usage error never starts anything) and starts the Spring context only for commands that need it.
 */
@SpringBootApplication(scanBasePackages = "io.rebatch")
public class RebatchApplication {
    public static void main(String[] args) {
        System.exit(RebatchCommand.execute(args));
    }
}
