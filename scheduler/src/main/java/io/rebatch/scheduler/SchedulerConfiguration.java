package io.rebatch.scheduler;

import java.time.Clock;
import java.util.Properties;
import org.springframework.batch.core.repository.JobRepository;
import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;

/**
 * The clustered Quartz scheduler, only where {@code rebatch.scheduler.enabled=true} ({@code serve} on the nodes
 * that should schedule, {@code rebatch scheduler}). JDBC job store on rebatch's own database (tables from Flyway,
 * never Quartz's scripts), {@code isClustered} with {@code instanceId AUTO}: any node may fire a trigger, exactly
 * one does, and a dead node's recoverable work re-fires on another. Boot's own Quartz auto-configuration is
 * switched off (it would start an in-memory scheduler in every process, CLI included).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulerProperties.class)
@ConditionalOnProperty(name = "rebatch.scheduler.enabled", havingValue = "true")
public class SchedulerConfiguration {

    @Bean
    public SchedulerFactoryBean rebatchScheduler(DataSource dataSource, SchedulerProperties properties,
                                                 ApplicationContext context) {
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setSchedulerName("rebatch");
        SpringBeanJobFactory jobFactory = new SpringBeanJobFactory();
        jobFactory.setApplicationContext(context);
        factory.setJobFactory(jobFactory);
        factory.setQuartzProperties(quartzProperties(properties));
        factory.setAutoStartup(false); // started by the registrar below, after the schedules are stored
        factory.setWaitForJobsToCompleteOnShutdown(true);
        return factory;
    }

    @Bean
    public PulledPlatforms pulledPlatforms(SchedulerProperties properties, io.rebatch.jobs.pull.Feeds feeds) {
        return new PulledPlatforms(properties, feeds);
    }

    @Bean
    public NightlyStatus nightlyStatus(JobRepository jobRepository, Clock clock) {
        return new NightlyStatus(jobRepository, clock);
    }

    @Bean
    public SchedulerMetrics schedulerMetrics(NightlyStatus status) {
        return new SchedulerMetrics(status);
    }

    @Bean("nightlyHealthIndicator")
    public NightlyHealthIndicator nightlyHealthIndicator(NightlyStatus status, SchedulerProperties properties) {
        return new NightlyHealthIndicator(status, properties.nightlyDeadline());
    }

    static Properties quartzProperties(SchedulerProperties p) {
        Properties q = new Properties();
        q.setProperty("org.quartz.scheduler.instanceName", "rebatch");
        q.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        q.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        q.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "1");
        q.setProperty("org.quartz.jobStore.isClustered", "true");
        q.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(p.checkinInterval().toMillis()));
        q.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
        q.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        q.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        q.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        q.setProperty("org.quartz.threadPool.threadCount", String.valueOf(p.threads()));
        q.setProperty("org.quartz.threadPool.threadNamePrefix", "rebatch-scheduler");
        return q;
    }

    /** Stores the schedules, then starts the scheduler; stops it first on shutdown (waiting for running jobs). */
    @Bean
    public SmartLifecycle rebatchScheduleRegistrar(Scheduler scheduler, SchedulerProperties properties) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                try {
                    Schedules.register(scheduler, Schedules.of(properties));
                    scheduler.start();
                    running = true;
                } catch (SchedulerException e) {
                    throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
                }
            }

            @Override
            public void stop() {
                try {
                    scheduler.standby();
                } catch (SchedulerException e) {
                    throw new IllegalStateException(e);
                } finally {
                    running = false;
                }
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
