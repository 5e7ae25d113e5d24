package io.rebatch.app;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.Environment;

/**
 * Start-up of the one-shot CLI commands (README "Start-up"): their context creates a bean only when the command
 * asks for it (lazy initialisation), so {@code export balances} or {@code status} no longer build the HTTP client
 * of the platform APIs (its TLS trust store), every job, step and reader of the batch configuration, and the
 * rest a run of {@code settle} or {@code pull} needs. Measured: about a fifth of such a command's time.
 *
 * <p>What decides whether a command can start at all stays eager, so failures keep their one line and exit code
 * from {@code RebatchContext.startFailure} and happen before the command does anything: the {@link DataSource} (a
 * bad {@code --db} URL, wrong credentials, a database held by another process), Flyway and its migration (a
 * fresh database is migrated, an existing one validated, at start-up as before), every
 * {@code @ConfigurationProperties} bean (a bad value in {@code <config>/application.yml}), and the lifecycle and
 * "after all singletons" beans (e.g. {@code GracefulStop}'s signal handling).
 *
 * <p>Applies only where {@link CliAutoConfigurationFilter#PROPERTY} is true (every context but {@code serve}'s) and
 * the scheduler is off ({@code scheduler}, a {@code serve} node and the demo's web node start everything as
 * before). {@value #PROPERTY}{@code =false} turns it off.
 */
public final class CliLazyInitialization implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    /** The switch, default true. */
    public static final String PROPERTY = "rebatch.cli.lazy-initialization";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (applies(context.getEnvironment())) {
            context.getBeanFactory().registerSingleton("rebatchEagerAtStart", EAGER);
            context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
        }
    }

    static boolean applies(Environment env) {
        return env.getProperty(CliAutoConfigurationFilter.PROPERTY, Boolean.class, false)
                && !env.getProperty("rebatch.scheduler.enabled", Boolean.class, false)
                && env.getProperty(PROPERTY, Boolean.class, true);
    }

    /** The beans created at start-up all the same (see the class comment). */
    static final LazyInitializationExcludeFilter EAGER = (beanName, definition, type) -> type != null
            && (DataSource.class.isAssignableFrom(type) || Flyway.class.isAssignableFrom(type)
                || FlywayMigrationInitializer.class.isAssignableFrom(type)
                || SmartLifecycle.class.isAssignableFrom(type)
                || SmartInitializingSingleton.class.isAssignableFrom(type)
                || MergedAnnotations.from(type).isPresent(ConfigurationProperties.class));
}
