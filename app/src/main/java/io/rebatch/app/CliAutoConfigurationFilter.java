package io.rebatch.app;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Keeps the one-shot CLI commands lean: when {@value #PROPERTY} is true (set by {@code RebatchContext} for every
 * context but {@code serve}'s), the auto-configurations of the web server, Spring MVC, Spring Security, Actuator,
 * Micrometer and springdoc are not even evaluated — a nightly {@code run} or a finance {@code export} starts no
 * metrics registry, no security filter and no endpoint beans it would never use, and pays none of their start-up.
 */
public class CliAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware {
    /** The switch; absent or false means "everything", as a plain Spring Boot application would have it. */
    public static final String PROPERTY = "rebatch.cli.without-web";

    private static final List<String> WEB_ONLY = List.of("org.springframework.boot.actuate.",
            "org.springframework.boot.health.", "org.springframework.boot.micrometer.",
            "org.springframework.boot.security.", "org.springframework.boot.servlet.",
            "org.springframework.boot.webmvc.", "org.springframework.boot.tomcat.",
            "org.springframework.boot.web.server.", "org.springdoc.",
            "org.springframework.boot.jdbc.autoconfigure.health.", "org.springframework.boot.jdbc.autoconfigure.metrics.",
            "org.springframework.boot.batch.autoconfigure.observation.");

    /**
     * Never wanted: Boot's Quartz auto-configuration would start an in-memory scheduler in every process; rebatch's
     * clustered one is {@code io.rebatch.scheduler.SchedulerConfiguration}, on only where it is enabled.
     */
    private static final List<String> NEVER = List.of("org.springframework.boot.quartz.");

    private boolean withoutWeb;

    @Override
    public void setEnvironment(Environment environment) {
        withoutWeb = environment.getProperty(PROPERTY, Boolean.class, false);
    }

    @Override
    public boolean[] match(String[] candidates, AutoConfigurationMetadata metadata) {
        boolean[] keep = new boolean[candidates.length];
        for (int i = 0; i < candidates.length; i++) {
            keep[i] = candidates[i] == null || (NEVER.stream().noneMatch(candidates[i]::startsWith)
                    && (!withoutWeb || WEB_ONLY.stream().noneMatch(candidates[i]::startsWith)));
        }
        return keep;
    }
}
