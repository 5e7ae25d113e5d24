package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rebatch scheduler}: a scheduler node without the web server starts on the embedded database, says which
 * node it is and its schedules, serves nothing over HTTP, and stops cleanly on SIGTERM.
 */
class SchedulerCommandIT {
    @Test
    void aSchedulerNodeStartsAloneAndStopsOnSigterm(@TempDir Path work) throws Exception {
        String url = "jdbc:h2:file:" + work.resolve("db/rebatch");
        ChildProcess node = ChildProcess.start("scheduler", work.resolve("out.txt"),
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dlogging.file.name=" + work.resolve("rebatch.log")),
                RebatchApplication.class, List.of("--db", url, "--config", work.toString(), "scheduler"));
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (!node.output().contains("scheduler: node ") && node.isAlive()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            assertThat(node.output()).as(node.output()).contains("scheduler: node ")
                    .contains("nightly '0 30 2 * * ?'").contains("pull '0 0/15 * * * ?'").contains("Asia/Shanghai");
            assertThat(node.output()).doesNotContain("listening on port");
            assertThat(node.terminate(60)).as("exit after SIGTERM: " + node.output()).isIn(0, 143);
            assertThat(node.output()).doesNotContain("Exception").doesNotContain("\tat ");
        } finally {
            if (node.isAlive()) {
                node.kill();
            }
        }
    }
}
