package io.rebatch.app;

import io.rebatch.app.cli.RebatchCommand;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The main class of the child processes of {@link ConcurrentSettleIT}: exactly {@link RebatchApplication#main}
 * (the CLI, its exit code), except that once the Spring context is ready, just before the command runs its job,
 * the child checks in at the start barrier in {@code rebatch.test.barrier.dir} and waits until the test releases
 * all children together. Without it the jobs would start 0.5–2 s apart (JVM and context start-up on a busy
 * machine) and would rarely overlap.
 */
public final class SettleChildMain {
    private SettleChildMain() {
    }

    public static void main(String[] args) {
        String dir = System.getProperty(ChildProcess.BARRIER_DIR_PROPERTY);
        int code = dir == null ? RebatchCommand.execute(args) : SpringApplication.withHook(application -> new SpringApplicationRunListener() {
            @Override
            public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
                ChildProcess.awaitRelease(Path.of(dir));
            }
        }, () -> RebatchCommand.execute(args));
        System.exit(code);
    }
}
