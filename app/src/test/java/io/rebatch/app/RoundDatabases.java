package io.rebatch.app;

import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A prepared database (the template) and cheap copies of it, one per round of {@link ConcurrentSettleIT}: on H2
 * in server mode a copy of the template's file, on MariaDB a database of its own filled with
 * {@code CREATE TABLE ... LIKE} and {@code INSERT ... SELECT} from the template's tables.
 */
abstract class RoundDatabases implements AutoCloseable {
    /** One copy of the template; close deletes it. */
    interface Copy extends AutoCloseable {
        String url();

        @Override
        void close();
    }

    abstract String name();

    /** The URL of the template, to prepare it with in-process CLI steps. */
    abstract String templateUrl();

    /** Called once the template is prepared, before the first copy. */
    abstract void seal();

    abstract Copy copy(String label);

    @Override
    public abstract void close();

    @Override
    public String toString() {
        return name();
    }

    static RoundDatabases h2Server(Path dir) {
        return new H2(H2Server.start(dir));
    }

    static RoundDatabases mariaDb() {
        return new MariaDb(TestDatabases.mysql());
    }

    private static final class H2 extends RoundDatabases {
        private static final String TEMPLATE = "template";
        private final H2Server server;

        H2(H2Server server) {
            this.server = server;
        }

        @Override
        String name() {
            return "h2-server";
        }

        @Override
        String templateUrl() {
            return server.url(TEMPLATE);
        }

        @Override
        void seal() {
            server.shutdown(TEMPLATE);
        }

        @Override
        Copy copy(String label) {
            server.copy(TEMPLATE, label);
            String url = server.url(label);
            return new Copy() {
                @Override
                public String url() {
                    return url;
                }

                @Override
                public void close() {
                    server.delete(label);
                }
            };
        }

        @Override
        public void close() {
            server.close();
        }
    }

    private static final class MariaDb extends RoundDatabases {
        private final TestDatabase template;
        private List<String> tables;

        MariaDb(TestDatabase template) {
            this.template = template;
        }

        @Override
        String name() {
            return template.name();
        }

        @Override
        String templateUrl() {
            return template.jdbcUrl();
        }

        @Override
        void seal() {
            tables = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(template.jdbcUrl());
                 PreparedStatement ps = c.prepareStatement("SELECT table_name FROM information_schema.tables"
                         + " WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot list the template's tables", e);
            }
        }

        @Override
        Copy copy(String label) {
            TestDatabase db = TestDatabases.mysql();
            String from = databaseOf(template.jdbcUrl());
            String to = databaseOf(db.jdbcUrl());
            try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement()) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
                for (String t : tables) {
                    s.execute("CREATE TABLE `" + to + "`.`" + t + "` LIKE `" + from + "`.`" + t + "`");
                    s.execute("INSERT INTO `" + to + "`.`" + t + "` SELECT * FROM `" + from + "`.`" + t + "`");
                }
            } catch (SQLException e) {
                db.close();
                throw new IllegalStateException("cannot copy " + from + " to " + to + " for " + label, e);
            }
            return new Copy() {
                @Override
                public String url() {
                    return db.jdbcUrl();
                }

                @Override
                public void close() {
                    db.close();
                }
            };
        }

        @Override
        public void close() {
            template.close();
        }

        /** The database of a {@code jdbc:mysql://host:port/db?params} URL. */
        private static String databaseOf(String url) {
            int slash = url.indexOf('/', url.indexOf("//") + 2);
            int query = url.indexOf('?', slash);
            return url.substring(slash + 1, query < 0 ? url.length() : query);
        }
    }
}
