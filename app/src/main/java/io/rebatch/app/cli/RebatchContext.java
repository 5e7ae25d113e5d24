package io.rebatch.app.cli;

import io.rebatch.app.RebatchApplication;
import io.rebatch.app.RerunnableMigrationStrategy;
import io.rebatch.domain.BadInputException;
import io.rebatch.jobs.common.RefusedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Builds the Spring context for a CLI command from the global options: the database ({@code --db}, default the
 * embedded H2 file database in {@code ./data/}) and the config directory ({@code --config}, default
 * {@code ./config}, whose {@code application.yml} and {@code rules/} are read).
 *
 * <p>Database credentials need not be on the command line (where {@code ps} and shell history show them): the
 * environment variables {@value #ENV_USER} / {@value #ENV_PASSWORD} become {@code spring.datasource.username} /
 * {@code password}, ahead of {@code <config>/application.yml} (which may set them too); JVM system properties still
 * win over both. A URL's own {@code user=}/{@code password=} keeps working when neither is set. An explicit
 * {@code --db} URL wins over a {@code spring.datasource.url} in the config file; without {@code --db} the config
 * file's URL, if any, wins over the embedded default.
 *
 * <p>Start-up never ends in a stack trace on the console: any failure of {@code SpringApplication.run} becomes a
 * {@link StartFailure} carrying the CLI exit code and one line (passwords masked); the trace goes to the log file.
 */
public final class RebatchContext {
    private RebatchContext() {
    }

    /** Environment variable with the database user name. */
    public static final String ENV_USER = "REBATCH_DB_USER";
    /** Environment variable with the database password. */
    public static final String ENV_PASSWORD = "REBATCH_DB_PASSWORD";

    /**
     * The H2 options the tests use too: MySQL mode, lower-case identifiers like MySQL on Linux; {@code WRITE_DELAY=0}
     * so a committed chunk is on disk when the commit returns (H2's default writes up to 500 ms later: a crash lost
     * committed chunks); {@code LOCK_TIMEOUT=10000} so a writer waits for another's chunk like InnoDB does instead
     * of failing after H2's default second.
     */
    public static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            + ";NON_KEYWORDS=VALUE,KEY,MONTH,YEAR,USER;WRITE_DELAY=0;LOCK_TIMEOUT=10000";

    /**
     * For a database this process opens itself (an H2 file or memory URL, not a TCP client): H2's default closes it
     * in a JVM shutdown hook of its own, at once on SIGTERM, racing Spring's — the job {@code GracefulStop} was
     * letting finish its chunk then failed with "Database is already closed" and stayed STARTED. Without it the
     * database closes when the context closes the connection pool, after the job stopped.
     */
    static final String H2_EMBEDDED_OPTION = ";DB_CLOSE_ON_EXIT=FALSE";

    /** H2's error code for a database file another process has open ({@code DATABASE_ALREADY_OPEN_1}). */
    static final int H2_DATABASE_ALREADY_OPEN = 90020;

    /** The embedded default: H2 in MySQL mode, in ./data/ under the working directory, created on first use. */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("rebatch") + H2_OPTIONS + H2_EMBEDDED_OPTION;
    }

    /**
     * Adds what a URL needs if the operator left it out. MySQL/MariaDB: UTC sessions (instants are stored in UTC),
     * rewritten batches (multi-row inserts), UTF-8, and the driver's client-side caches. H2 (file, tcp, mem): the {@link #H2_OPTIONS} not already
     * present (an option the operator set, e.g. {@code MODE}, is kept as given), and for a file or memory database
     * {@link #H2_EMBEDDED_OPTION}.
     */
    public static String normalize(String url) {
        if (url.startsWith("jdbc:h2:")) {
            StringBuilder sb = new StringBuilder(url);
            String upper = url.toUpperCase(Locale.ROOT);
            for (String option : H2_OPTIONS.substring(1).split(";")) {
                String key = option.substring(0, option.indexOf('=') + 1).toUpperCase(Locale.ROOT);
                if (!upper.contains(";" + key)) {
                    sb.append(';').append(option);
                }
            }
            if (!upper.startsWith("JDBC:H2:TCP:") && !upper.startsWith("JDBC:H2:SSL:")
                    && !upper.contains(";DB_CLOSE_ON_EXIT=")) {
                sb.append(H2_EMBEDDED_OPTION);
            }
            return sb.toString();
        }
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            return url;
        }
        StringBuilder sb = new StringBuilder(url);
        Map<String, String> required = new LinkedHashMap<>();
        required.put("connectionTimeZone", "UTC");
        required.put("forceConnectionTimeZoneToSession", "true");
        required.put("rewriteBatchedStatements", "true");
        required.put("characterEncoding", "UTF-8");
        // Connector/J's client-side caches: prepared statements parsed once per connection, session state (autocommit,
        // isolation) tracked locally instead of asked for, result-set metadata and server variables cached, no
        // per-query timing. Measured by bench/api-bench.sh on this 2-core machine: balance reads 5,047 -> 6,593/s,
        // p99 18.2 -> 15.8 ms (bench/results/api-20261203-1220.txt). rebatch never changes session state with
        // raw SQL, which is what useLocalSessionState requires.
        required.put("cachePrepStmts", "true");
        required.put("prepStmtCacheSize", "250");
        required.put("prepStmtCacheSqlLimit", "2048");
        required.put("useLocalSessionState", "true");
        required.put("cacheResultSetMetadata", "true");
        required.put("cacheServerConfiguration", "true");
        required.put("maintainTimeStats", "false");
        for (Map.Entry<String, String> e : required.entrySet()) {
            if (!url.contains(e.getKey() + "=")) {
                sb.append(sb.indexOf("?") < 0 ? '?' : '&').append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return sb.toString();
    }

    private static final Pattern PASSWORD_IN_TEXT = Pattern.compile("(?i)(password\\s*=\\s*)([^&;,\\s\"']*)");

    /** The text with every {@code password=...} value and every given secret replaced by {@code ****}. */
    public static String mask(String text, String... secrets) {
        if (text == null) {
            return null;
        }
        String out = PASSWORD_IN_TEXT.matcher(text).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) + (m.group(2).isEmpty() ? "" : "****")));
        for (String s : secrets) {
            if (s != null && !s.isEmpty()) {
                out = out.replace(s, "****");
            }
        }
        return out;
    }

    /** A start-up failure as the CLI reports it: exit code and one line (already masked). */
    public static final class StartFailure extends RuntimeException {
        private final int exitCode;

        StartFailure(int exitCode, String message, Throwable cause) {
            super(message, cause);
            this.exitCode = exitCode;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    public static ConfigurableApplicationContext start(String db, Path configDir, Map<String, Object> extra) {
        return start(db, configDir, extra, Map.of(), System.getenv(), WebApplicationType.NONE);
    }

    /**
     * The context of {@code serve}: the same, plus the servlet web server and the REST layer. {@code overrides}
     * (the command's own options, e.g. {@code server.port}) win over the config file and the environment.
     */
    public static ConfigurableApplicationContext startWeb(String db, Path configDir, Map<String, Object> overrides) {
        return start(db, configDir, Map.of(), overrides, System.getenv(), WebApplicationType.SERVLET);
    }

    static ConfigurableApplicationContext start(String db, Path configDir, Map<String, Object> extra,
                                                Map<String, String> env) {
        return start(db, configDir, extra, Map.of(), env, WebApplicationType.NONE);
    }

    static ConfigurableApplicationContext start(String db, Path configDir, Map<String, Object> extra,
                                                Map<String, Object> overrides, Map<String, String> env,
                                                WebApplicationType webType) {
        boolean explicit = db != null && !db.isBlank();
        String url = explicit ? normalize(db.strip()) : embeddedUrl(Path.of("data"));
        if (url.startsWith("jdbc:h2:file:")) {
            try {
                Files.createDirectories(Path.of("data"));
            } catch (java.io.IOException e) {
                throw new StartFailure(RebatchCommand.JOB_FAILED, "cannot create ./data: " + e.getMessage(), e);
            }
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (!explicit) {
            defaults.put("spring.datasource.url", url);
        }
        defaults.put("rebatch.config-dir", configDir.toString());
        defaults.put("spring.config.import", "optional:file:" + configDir.toAbsolutePath().resolve("application.yml"));
        if (webType == WebApplicationType.NONE) {
            defaults.put(io.rebatch.app.CliAutoConfigurationFilter.PROPERTY, "true");
        }
        defaults.putAll(extra);
        // Above the config files, below JVM system properties: the explicit --db and the credentials from the
        // environment.
        Map<String, Object> options = new LinkedHashMap<>();
        if (explicit) {
            options.put("spring.datasource.url", url);
        }
        String envPassword = env.get(ENV_PASSWORD);
        if (env.get(ENV_USER) != null && !env.get(ENV_USER).isEmpty()) {
            options.put("spring.datasource.username", env.get(ENV_USER));
        }
        if (envPassword != null && !envPassword.isEmpty()) {
            options.put("spring.datasource.password", envPassword);
        }
        options.putAll(overrides);
        try {
            return new SpringApplicationBuilder(RebatchApplication.class).web(webType)
                    .logStartupInfo(false).properties(defaults)
                    .initializers(new io.rebatch.app.CliLazyInitialization(), ctx -> ctx.getEnvironment().getPropertySources().addAfter(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new MapPropertySource("rebatchOptions", options)))
                    .run();
        } catch (RuntimeException | Error e) {
            throw startFailure(e, url, envPassword);
        }
    }

    /** Maps a failure of {@code SpringApplication.run} to the CLI's exit code and one line. */
    static StartFailure startFailure(Throwable e, String url, String secret) {
        String shownUrl = mask(url, secret);
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartFailure f) {
                return f;
            }
            if (t instanceof RerunnableMigrationStrategy.MigrationFailedException) {
                return new StartFailure(RebatchCommand.JOB_FAILED, mask(t.getMessage(), secret), e);
            }
            if (t instanceof RefusedException) {
                return new StartFailure(RebatchCommand.REFUSED, "refused: " + mask(firstLine(t), secret), e);
            }
            if (t instanceof BadInputException) {
                return new StartFailure(RebatchCommand.BAD_INPUT, mask(firstLine(t), secret), e);
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                if (sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN
                        || String.valueOf(sql.getMessage()).contains("Database may be already in use")) {
                    return new StartFailure(RebatchCommand.REFUSED, "refused: another process holds the database ("
                            + h2File(url) + "); wait for it to finish", e);
                }
                if (state.startsWith("28")) {
                    return new StartFailure(RebatchCommand.BAD_INPUT, "the database refused the user name or password ("
                            + shownUrl + "): " + mask(firstLine(t), secret) + "; set " + ENV_USER + "/" + ENV_PASSWORD
                            + " or spring.datasource.username/password in <config>/application.yml", e);
                }
                if (state.startsWith("08")) {
                    return new StartFailure(RebatchCommand.JOB_FAILED, "cannot connect to the database (" + shownUrl
                            + "): " + mask(firstLine(t), secret), e);
                }
                if (sql.getErrorCode() == 1049 || sql.getErrorCode() == 1044) { // unknown database, no access to it
                    return new StartFailure(RebatchCommand.BAD_INPUT, "the database (" + shownUrl + ") refused access: "
                            + mask(firstLine(t), secret), e);
                }
            }
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (String.valueOf(root.getMessage()).toLowerCase(Locale.ROOT).contains("driver")) {
            return new StartFailure(RebatchCommand.BAD_INPUT, "cannot use the database URL " + shownUrl + ": "
                    + mask(firstLine(root), secret), e);
        }
        return new StartFailure(RebatchCommand.JOB_FAILED, "cannot start (database " + shownUrl + "): "
                + mask(firstLine(root), secret), e);
    }

    /** The H2 database file an H2 file URL names, as the operator would look for it. */
    static String h2File(String url) {
        if (!url.startsWith("jdbc:h2:file:") && !url.startsWith("jdbc:h2:./") && !url.startsWith("jdbc:h2:/")
                && !url.startsWith("jdbc:h2:~")) {
            return mask(url);
        }
        String path = url.substring(url.startsWith("jdbc:h2:file:") ? "jdbc:h2:file:".length() : "jdbc:h2:".length());
        int semi = path.indexOf(';');
        return (semi < 0 ? path : path.substring(0, semi)) + ".mv.db";
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        return m.lines().findFirst().orElse(m);
    }
}
