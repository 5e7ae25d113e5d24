package io.rebatch.readers.platform;

/**
 * Binds a platform's settings record from the operator's configuration: {@code rebatch.platforms.<code>.*} onto
 * the record's constructor (Spring Boot's binder in the running application, a plain map in tests). A record
 * gives its own defaults for what is not set and validates in its constructor.
 */
@FunctionalInterface
public interface SettingsBinder {

    <T> T bind(String prefix, Class<T> type);
}
