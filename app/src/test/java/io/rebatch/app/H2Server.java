package io.rebatch.app;

import io.rebatch.jobs.support.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.tools.Server;

/**
 * An H2 TCP server inside the test JVM, so that several processes open one H2 database at once (H2 in server
 * mode: no file lock keeps a second writer out). Databases are files {@code <baseDir>/<name>.mv.db}; a closed
 * database can be copied by copying its file, which is how a test restores a prepared state cheaply.
 */
final class H2Server implements AutoCloseable {
    private final Server server;
    private final Path baseDir;

    private H2Server(Server server, Path baseDir) {
        this.server = server;
        this.baseDir = baseDir;
    }

    static H2Server start(Path baseDir) {
        try {
            Files.createDirectories(baseDir);
            Server server = Server.createTcpServer("-tcp", "-tcpPort", "0", "-ifNotExists",
                    "-baseDir", baseDir.toAbsolutePath().toString()).start();
            return new H2Server(server, baseDir);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot start an H2 TCP server in " + baseDir, e);
        }
    }

    /** The URL of database {@code name} on this server, with the options every rebatch test uses. */
    String url(String name) {
        return "jdbc:h2:tcp://localhost:" + server.getPort() + "/" + name + TestDatabases.H2_OPTIONS;
    }

    /** Closes database {@code name} on the server, so that its file is complete and can be copied or deleted. */
    void shutdown(String name) {
        if (!Files.exists(file(name))) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url(name)); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot shut down H2 database " + name, e);
        }
    }

    /** A new database {@code to} holding what the closed database {@code from} holds. */
    void copy(String from, String to) {
        try {
            Files.copy(file(from), file(to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(String name) {
        shutdown(name);
        try {
            Files.deleteIfExists(file(name));
            Files.deleteIfExists(baseDir.resolve(name + ".trace.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String name) {
        return baseDir.resolve(name + ".mv.db");
    }

    @Override
    public void close() {
        server.stop();
    }
}
