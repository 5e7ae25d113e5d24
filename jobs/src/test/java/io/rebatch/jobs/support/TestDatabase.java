package io.rebatch.jobs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * One empty database for one test: an embedded H2 in MySQL mode in its own temp directory, or a
 * database of its own on the MariaDB/MySQL server given by {@code rebatch.test.mysql.url}.
 * Obtain instances from {@link TestDatabases}; {@link #close()} deletes the database.
 *
 * <p>{@link #jdbcUrl()} is self-contained (it carries user and password), so it can be passed
 * alone to {@code DriverManager}, Flyway or {@code spring.datasource.url}; a client that insists
 * on sending credentials must send {@link #username()}/{@link #password()}.
 *
 * <p>JUnit closes {@code AutoCloseable} arguments of a {@code @ParameterizedTest} after each
 * invocation, so {@code @MethodSource("io.rebatch.jobs.support.TestDatabases#all")} needs no
 * cleanup code.
 */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final String vendor;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final Runnable cleanup;
    private boolean closed;

    TestDatabase(String name, String vendor, String jdbcUrl, String username, String password, Runnable cleanup) {
        this.name = name;
        this.vendor = vendor;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.cleanup = cleanup;
    }

    /** {@code h2}, {@code mariadb} or {@code mysql}: for display names and assumptions. */
    public String name() {
        return name;
    }

    /** Flyway's {@code {vendor}} for this URL: {@code h2} or {@code mysql} (also for MariaDB). */
    public String vendor() {
        return vendor;
    }

    public boolean isH2() {
        return "h2".equals(vendor);
    }

    /** A JDBC URL with the credentials in it. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /**
     * The user in {@link #jdbcUrl()} ({@code sa} on H2), for clients that always send one: a
     * client that sends a different one, even an empty one, fails (H2: "Duplicate property USER";
     * MySQL: access denied). Quartz's own connection providers are such clients.
     */
    public String username() {
        return username;
    }

    /** The password in {@link #jdbcUrl()} (empty on H2). */
    public String password() {
        return password;
    }

    /** The locations the application uses: {@code common} plus this database's vendor folder. */
    public String[] flywayLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
    }

    /** A non-pooling DataSource (a new connection per call); fine for Flyway and small tests. */
    public DataSource dataSource() {
        SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
        try {
            dataSource.setDriver(DriverManager.getDriver(jdbcUrl));
        } catch (SQLException e) {
            throw new IllegalStateException("no JDBC driver for " + jdbcUrl, e);
        }
        dataSource.setUrl(jdbcUrl);
        dataSource.setUsername(username);
        dataSource.setPassword(password);
        return dataSource;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    /**
     * Properties for a Spring Boot test, e.g. in a {@code @DynamicPropertySource} method:
     * {@code db.springProperties().forEach((k, v) -> registry.add(k, () -> v))}. Flyway's
     * {@code {vendor}} placeholder resolves to {@link #vendor()} from the URL by itself.
     */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", jdbcUrl);
        return properties;
    }

    /** Deletes the database (MariaDB: DROP DATABASE; H2: SHUTDOWN and delete its directory). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            cleanup.run();
        }
    }

    @Override
    public String toString() {
        return name;
    }

    // ---------------------------------------------------------------------------------------

    static void shutdownH2AndDelete(String jdbcUrl, Path directory) {
        try {
            if (Files.exists(directory.resolve("rebatch.mv.db"))) {
                try (Connection c = DriverManager.getConnection(jdbcUrl);
                        Statement s = c.createStatement()) {
                    s.execute("SHUTDOWN");
                }
            }
        } catch (SQLException e) {
            // Already closed or broken: the files are deleted below anyway.
        }
        deleteRecursively(directory);
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + directory, e);
        }
    }
}
