package io.rebatch.jobs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The databases an integration test ({@code *IT}) runs against:
 * <ul>
 *   <li>always an embedded H2 2.x in MySQL mode, in a fresh temp directory, and</li>
 *   <li>MariaDB (or MySQL) when the system property {@value #MYSQL_URL_PROPERTY} holds a
 *       {@code jdbc:mysql:} URL ({@code scripts/test.sh} starts a private MariaDB and sets it;
 *       the parent pom passes it to Failsafe). Each test gets a database of its own,
 *       {@code rebatch_t<pid>_<n>}, created with the URL's user, which therefore needs the
 *       privilege to create and drop databases named {@code rebatch%}.</li>
 * </ul>
 *
 * <pre>{@code
 * @ParameterizedTest(name = "{0}")
 * @MethodSource("io.rebatch.jobs.support.TestDatabases#all")
 * void something(TestDatabase db) { ... db.jdbcUrl() ... }   // closed (dropped) by JUnit
 * }</pre>
 *
 * <p>H2 URL: {@value #H2_OPTIONS} after {@code jdbc:h2:file:<dir>/rebatch}. {@code USER=sa} is
 * in the URL because an H2 file database belongs to the user that created it, and clients differ
 * in what they send (Spring Boot sends no user for a {@code jdbc:h2:file:} URL, which it does not
 * count as embedded); with the user in the URL every client that sends none or {@code sa} agrees.
 * Spring Boot's {@code spring.batch.jdbc.initialize-schema=embedded} does not fire for such a URL
 * either: Flyway creates the Batch and Quartz tables (sql/h2, sql/mysql).
 * With {@code DATABASE_TO_LOWER=TRUE} unquoted names are stored in lower case, so Spring Batch's
 * and Quartz's unquoted upper-case SQL keeps working; quoted upper-case identifiers would not.
 */
public final class TestDatabases {

    /** System property with the MariaDB/MySQL URL; empty or absent means H2 only. */
    public static final String MYSQL_URL_PROPERTY = "rebatch.test.mysql.url";

    /** Options after {@code jdbc:h2:file:<dir>/rebatch}. */
    public static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            + ";NON_KEYWORDS=VALUE,KEY,MONTH,YEAR,USER;WRITE_DELAY=0;LOCK_TIMEOUT=10000;USER=sa;PASSWORD=";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile String serverName;

    /** H2 directories not yet deleted; a JVM that ends early (SIGTERM, a cached context) still removes them. */
    private static final Set<Path> H2_DIRS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path dir : List.copyOf(H2_DIRS)) {
                try {
                    TestDatabase.deleteRecursively(dir);
                } catch (RuntimeException e) {
                    // best effort at JVM exit
                }
            }
        }, "rebatch-test-h2-cleanup"));
    }

    private TestDatabases() {
    }

    /** H2, then MariaDB/MySQL if configured; each created only when the stream reaches it. */
    public static Stream<TestDatabase> all() {
        Stream<Supplier<TestDatabase>> targets = mysqlConfigured()
                ? Stream.of(TestDatabases::h2, TestDatabases::mysql)
                : Stream.of(TestDatabases::h2);
        return targets.map(Supplier::get);
    }

    /** Whether {@value #MYSQL_URL_PROPERTY} is set, i.e. whether {@link #all()} includes it. */
    public static boolean mysqlConfigured() {
        return mysqlUrl() != null;
    }

    /** The configured server URL (pointing at the shared {@code rebatch} database), or null. */
    public static String mysqlUrl() {
        String url = System.getProperty(MYSQL_URL_PROPERTY);
        if (url == null || url.isBlank() || url.startsWith("${")) {
            return null;
        }
        return url.trim();
    }

    /** A new, empty H2 database (MySQL mode) in a new temp directory. */
    public static TestDatabase h2() {
        Path dir;
        try {
            dir = Files.createTempDirectory("rebatch-h2-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        H2_DIRS.add(dir);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("rebatch") + H2_OPTIONS;
        return new TestDatabase("h2", "h2", url, "sa", "", () -> {
            TestDatabase.shutdownH2AndDelete(url, dir);
            H2_DIRS.remove(dir);
        });
    }

    /**
     * A new, empty database of its own on the configured MariaDB/MySQL server.
     *
     * @throws IllegalStateException if {@value #MYSQL_URL_PROPERTY} is not set or not jdbc:mysql
     */
    public static TestDatabase mysql() {
        String baseUrl = mysqlUrl();
        if (baseUrl == null) {
            throw new IllegalStateException("system property " + MYSQL_URL_PROPERTY + " is not set");
        }
        if (!baseUrl.startsWith("jdbc:mysql:")) {
            throw new IllegalStateException(MYSQL_URL_PROPERTY + " must be a jdbc:mysql: URL (mysql-connector-j"
                    + " is the only MySQL-protocol driver on the class path), got " + baseUrl);
        }
        String database = "rebatch_t" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            if (serverName == null) {
                serverName = c.getMetaData().getDatabaseProductVersion().contains("MariaDB") ? "mariadb" : "mysql";
            }
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database + " via " + baseUrl
                    + " (the user needs e.g. GRANT ALL ON `rebatch%`.* ; scripts/test.sh grants it)", e);
        }
        return new TestDatabase(serverName, "mysql", withDatabase(baseUrl, database), queryParameter(baseUrl, "user"),
                queryParameter(baseUrl, "password"), () -> drop(baseUrl, database));
    }

    private static void drop(String baseUrl, String database) {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + database + "`");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + database, e);
        }
    }

    /** The value of {@code name} in the URL's query ({@code ?a=1&b=2}), URL-decoded, or null. */
    static String queryParameter(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : url.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** {@code jdbc:mysql://host:port/db?params} with {@code db} replaced (or added). */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//");
        if (hostStart < 0) {
            throw new IllegalArgumentException("not a jdbc:mysql://host[:port]/[db][?params] URL: " + url);
        }
        int query = url.indexOf('?', hostStart + 2);
        if (query < 0) {
            query = url.length();
        }
        int path = url.indexOf('/', hostStart + 2);
        String hosts = (path < 0 || path > query) ? url.substring(0, query) : url.substring(0, path);
        return hosts + "/" + database + url.substring(query);
    }
}
