package io.rebatch.app;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates so that a failed migration never leaves a database that cannot be used again.
 *
 * <ul>
 *   <li>Before migrating it notes whether the database is <em>fresh</em>: no applied migration and no table in
 *       the schema at all. If migrating a fresh database fails, everything in it was created by this attempt, so
 *       it is cleaned ({@code clean()} with {@code cleanDisabled=false} set for this one call only) and the next
 *       run starts from scratch. This is the only case in which rebatch ever cleans a schema.</li>
 *   <li>Otherwise (an existing database) it runs {@code repair()}, which removes failed entries from the history
 *       table so the next run tries that migration again. It never drops anything there: on MySQL/MariaDB DDL is
 *       not transactional, so objects a half-applied migration created stay and may need removing by hand (the
 *       message says which migration failed).</li>
 * </ul>
 * Either way the failure ends in a {@link MigrationFailedException} (CLI exit code 1, one line; the stack trace
 * goes to the log file only).
 */
@Component
public class RerunnableMigrationStrategy implements FlywayMigrationStrategy {
    private static final Logger log = LoggerFactory.getLogger(RerunnableMigrationStrategy.class);

    @Override
    public void migrate(Flyway flyway) {
        boolean fresh = isFresh(flyway);
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            String failed = describeFailed(flyway);
            log.error("migration failed fresh={} migration={}", fresh, failed, e);
            String cause = rootMessage(e);
            if (fresh) {
                try {
                    Flyway.configure().configuration(flyway.getConfiguration()).cleanDisabled(false).load().clean();
                } catch (RuntimeException cleanFailure) {
                    log.error("cleaning the new database after the failed migration failed", cleanFailure);
                    throw new MigrationFailedException("database migration " + failed + " failed: " + cause
                            + "; cleaning the new database failed too (" + rootMessage(cleanFailure)
                            + "): drop its tables by hand, then run again", e);
                }
                throw new MigrationFailedException("database migration " + failed + " failed on a new database: "
                        + cause + "; the database was emptied again, run again once the cause is fixed", e);
            }
            try {
                flyway.repair();
            } catch (RuntimeException repairFailure) {
                log.error("flyway repair after the failed migration failed", repairFailure);
            }
            throw new MigrationFailedException("database migration " + failed + " failed: " + cause
                    + "; failed entries were removed from the schema history so the next run tries again"
                    + " (objects it created before failing may need dropping by hand)", e);
        }
    }

    /** No applied (or failed) migration and no table at all: whatever a failed attempt leaves, it created. */
    static boolean isFresh(Flyway flyway) {
        MigrationInfo[] applied = flyway.info().applied();
        if (applied.length > 0) {
            return false;
        }
        try (Connection c = flyway.getConfiguration().getDataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", null)) {
            return !rs.next();
        } catch (SQLException e) {
            log.warn("cannot list tables, treating the database as not new reason={}", e.getMessage());
            return false;
        }
    }

    private static String describeFailed(Flyway flyway) {
        try {
            return Arrays.stream(flyway.info().all()).filter(i -> i.getState() == MigrationState.FAILED)
                    .map(i -> "V" + i.getVersion() + " (" + i.getDescription() + ")").findFirst()
                    .orElseGet(() -> pendingOrUnknown(flyway));
        } catch (RuntimeException e) {
            return "(unknown)";
        }
    }

    private static String pendingOrUnknown(Flyway flyway) {
        MigrationInfo[] pending = flyway.info().pending();
        return pending.length == 0 ? "(unknown)"
                : "V" + pending[0].getVersion() + " (" + pending[0].getDescription() + ")";
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
        return m.strip().lines().findFirst().orElse(m);
    }

    /** A migration failed; the message is the operator's one line. */
    public static class MigrationFailedException extends RuntimeException {
        public MigrationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
