package io.rebatch.app.cli;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code serve [--port P]}: the app's REST API (SPEC 8) until SIGTERM/SIGINT, which drains in-flight requests
 * (graceful shutdown) and exits. Stateless: everything it answers is read from the database at request time, so
 * any number of replicas can run behind a load balancer on one database. The scheduler is a separate switch
 * ({@code rebatch.scheduler.enabled}): with it, this process is also a clustered scheduler node (see
 * {@code SchedulerCommand}); without it, it never starts jobs. Needs {@code REBATCH_API_JWT_SECRET} (or
 * {@code rebatch.api.jwt-secret}) of at least 32 bytes: without it, one line and exit 2.
 */
@Command(name = "serve", description = "Serve the REST API for the app and admins until stopped (needs"
        + " REBATCH_API_JWT_SECRET, at least 32 bytes).")
class ServeCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 = any free port)")
    int port;

    @Override
    public Integer call() throws InterruptedException, org.quartz.SchedulerException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be 0..65535");
        }
        ConfigurableApplicationContext context;
        try {
            context = root.webContext(Map.of("server.port", port));
        } catch (RebatchContext.StartFailure f) {
            throw portInUse(f);
        }
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) e -> closed.countDown());
        root.out().println("serve: listening on port " + context.getEnvironment().getProperty("local.server.port"));
        if (context.getBeanNamesForType(org.quartz.Scheduler.class).length > 0) {
            root.out().println("serve: scheduler " + SchedulerCommand.describe(context));
        }
        root.out().flush();
        if (!context.isActive()) {
            return RebatchCommand.OK;
        }
        closed.await();
        return RebatchCommand.OK;
    }

    /**
     * A port another process listens on is the operator's to resolve, not a database problem: the start-up failure
     * names the port instead of "cannot start (database ...): Address already in use".
     */
    private static RebatchContext.StartFailure portInUse(RebatchContext.StartFailure failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PortInUseException p) {
                return new RebatchContext.StartFailure(RebatchCommand.JOB_FAILED, "port " + p.getPort()
                        + " is already in use: stop what listens there or choose another with --port", failure);
            }
        }
        return failure;
    }
}
