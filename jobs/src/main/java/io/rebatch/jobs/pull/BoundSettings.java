package io.rebatch.jobs.pull;

import io.rebatch.readers.platform.SettingsBinder;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Binds a platform's settings record with Spring Boot's constructor binding ({@code rebatch.platforms.<code>.*},
 * relaxed names, the application's conversions: durations, URIs, secrets). A value the record refuses is a
 * one-line error naming the property, not a bind stack.
 */
public class BoundSettings implements SettingsBinder {
    private final Binder binder;

    public BoundSettings(Environment environment) {
        this.binder = Binder.get(environment);
    }

    @Override
    public <T> T bind(String prefix, Class<T> type) {
        try {
            return binder.bindOrCreate(prefix, Bindable.of(type));
        } catch (BindException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            throw new IllegalArgumentException(cause.getMessage().contains(prefix) ? cause.getMessage()
                    : prefix + ": " + cause.getMessage(), e);
        }
    }
}
