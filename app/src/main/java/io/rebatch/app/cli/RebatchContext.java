package io.rebatch.app.cli;

import io.rebatch.app.RebatchApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Builds the Spring context for a CLI command from the global options: the database ({@code --db}, default the
 * embedded H2 file database in {@code ./data/}) and the config directory ({@code --config}, default
 * {@code ./config}, whose {@code application.yml} and {@code rules/} are read).
 */
public final class RebatchContext {
    private RebatchContext() {
    }

    /** The H2 options the tests use too: MySQL mode, lower-case identifiers like MySQL on Linux. */
    public static final String H2_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE"
            + ";NON_KEYWORDS=VALUE,KEY,MONTH,YEAR,USER";

    /** The embedded default: H2 in MySQL mode, in ./data/ under the working directory, created on first use. */
    public static String embeddedUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("rebatch") + H2_OPTIONS;
    }

    /**
     * Adds what a MySQL/MariaDB URL needs if the operator left it out: UTC sessions (instants are stored in UTC)
     * and rewritten batches (multi-row inserts).
     */
    public static String normalize(String url) {
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            return url;
        }
        StringBuilder sb = new StringBuilder(url);
        Map<String, String> required = new LinkedHashMap<>();
        required.put("connectionTimeZone", "UTC");
        required.put("forceConnectionTimeZoneToSession", "true");
        required.put("rewriteBatchedStatements", "true");
        required.put("characterEncoding", "UTF-8");
        for (Map.Entry<String, String> e : required.entrySet()) {
            if (!url.contains(e.getKey() + "=")) {
                sb.append(sb.indexOf("?") < 0 ? '?' : '&').append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return sb.toString();
    }

    public static ConfigurableApplicationContext start(String db, Path configDir, Map<String, Object> extra) {
        String url = db == null || db.isBlank() ? embeddedUrl(Path.of("data")) : normalize(db);
        if (url.startsWith("jdbc:h2:file:")) {
            try {
                Files.createDirectories(Path.of("data"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("cannot create ./data: " + e.getMessage(), e);
            }
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", url);
        props.put("rebatch.config-dir", configDir.toString());
        props.put("spring.config.import", "optional:file:" + configDir.toAbsolutePath().resolve("application.yml"));
        props.putAll(extra);
        return new SpringApplicationBuilder(RebatchApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false).properties(props).run();
    }
}
