package io.rebatch.app.cli;

import io.rebatch.sandbox.Simulators;
import java.util.stream.Collectors;
import io.rebatch.sandbox.server.SandboxServer;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "sandbox", description = "Serve simulators of the Taobao, JD and Pinduoduo order APIs on one port (at"
        + " the real gateways' paths) from a seeded scenario, with throttling and errors injected at the given rates.")
class SandboxCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--port", description = "Port to listen on (0: any free port)")
    int port;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--orders", defaultValue = "2000", description = "Order lines in the scenario (default ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--from", defaultValue = "2026-10-01")
    LocalDate from;

    @Option(names = "--to", defaultValue = "2026-11-30")
    LocalDate to;

    @Option(names = "--throttle-rate", defaultValue = "0", description = "Share of requests answered with a throttling error")
    double throttleRate;

    @Option(names = "--error-rate", defaultValue = "0", description = "Share of requests answered with HTTP 5xx")
    double errorRate;

    @Option(names = "--users", description = "Users in the scenario (default: orders / 8)")
    Integer users;

    @Option(names = "--write", paramLabel = "DIR", description = "Write the scenario as files (users, bindings, clicks,"
            + " API dumps, steps.txt, rules) to DIR and exit instead of serving")
    java.nio.file.Path write;

    @Override
    public Integer call() throws Exception {
        if (write != null) {
            var spec = io.rebatch.sandbox.generator.ScenarioSpec.builder().seed(seed).orders(orders).from(from).to(to);
            if (users != null) {
                spec.users(users);
            }
            var files = io.rebatch.sandbox.generator.ScenarioWriter.write(
                    new io.rebatch.sandbox.generator.ScenarioGenerator(spec.build()), write);
            root.out().printf("sandbox: wrote %d files to %s%n", files.size(), write);
            return 0;
        }
        SandboxServer server = SandboxServer.builder().port(port).seed(seed).orders(orders).from(from).to(to)
                .throttleRate(throttleRate).errorRate(errorRate).build().start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        root.out().printf("sandbox: serving %s (seed %d, %d order lines, %s..%s); Ctrl-C stops%n",
                Simulators.platforms().stream().map(p -> p + " " + server.url(p)).collect(Collectors.joining(", ")), seed,
                orders, from, to);
        root.out().println("sandbox: client settings: " + server.clientProperties().entrySet().stream()
                .filter(e -> !e.getKey().endsWith("secret")).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")) + " (secrets: the sandbox defaults)");
        root.out().flush();
        stopped.await();
        return 0;
    }
}
