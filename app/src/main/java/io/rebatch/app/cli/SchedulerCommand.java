package io.rebatch.app.cli;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import io.rebatch.scheduler.SchedulerProperties;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code scheduler}: a clustered Quartz node alone (no web server), until SIGTERM/SIGINT — which stops a running
 * job at its next chunk boundary (STOPPED, resumed by another node or the next start) and exits. The same node can
 * run inside {@code serve} with {@code rebatch.scheduler.enabled=true}. Prints {@code scheduler: node <instance id>
 * started (nightly '<cron>', pull '<cron>', payout '<cron>', close-month '<cron>', Asia/Shanghai)}.
 */
@Command(name = "scheduler", description = "Run a clustered scheduler node (nightly run, pulls, payout, month close)"
        + " until stopped.")
class SchedulerCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Override
    public Integer call() throws InterruptedException, SchedulerException {
        ConfigurableApplicationContext context = root.context(Map.of("rebatch.scheduler.enabled", "true"));
        CountDownLatch closed = new CountDownLatch(1);
        context.addApplicationListener((ApplicationListener<ContextClosedEvent>) e -> closed.countDown());
        root.out().println("scheduler: " + describe(context));
        root.out().flush();
        if (!context.isActive()) {
            return RebatchCommand.OK;
        }
        closed.await();
        return RebatchCommand.OK;
    }

    /** {@code node <id> started (nightly '<cron>', ...)}; also printed by {@code serve} when it runs a node. */
    static String describe(ConfigurableApplicationContext context) throws SchedulerException {
        Scheduler scheduler = context.getBean(Scheduler.class);
        SchedulerProperties p = context.getBean(SchedulerProperties.class);
        return "node " + scheduler.getSchedulerInstanceId() + " started (nightly '" + p.nightlyCron() + "', pull '"
                + p.pullCron() + "', payout '" + p.payoutCron() + "', close-month '" + p.closeMonthCron()
                + "', Asia/Shanghai)";
    }
}
