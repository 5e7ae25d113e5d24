package io.rebatch.app.serve;

import io.rebatch.jobs.support.TestDatabase;
import io.rebatch.jobs.support.TestDatabases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One served, prepared database per database kind for all the REST ITs of a test run: preparing the multi-week
 * sample and starting the web context cost most of their time, so the IT classes share them (each test works on
 * users of its own, see {@link Users}). Created on first use; closed (context stopped, database dropped, files
 * deleted) when the JUnit run ends. Tests take the database name as their parameter:
 * {@code @MethodSource("io.rebatch.app.serve.ApiServers#databases")}.
 */
final class ApiServers implements BeforeAllCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ApiServers.class);
    private static final Map<String, Shared> SHARED = new LinkedHashMap<>();

    private record Shared(ApiServer server, TestDatabase db, Path work) {
    }

    /** {@code h2}, and {@code mariadb} when {@code rebatch.test.mysql.url} is set. */
    static Stream<String> databases() {
        return TestDatabases.mysqlConfigured() ? Stream.of("h2", "mariadb") : Stream.of("h2");
    }

    static synchronized ApiServer get(String database) {
        Shared s = SHARED.get(database);
        if (s == null) {
            long started = System.nanoTime();
            TestDatabase db = "h2".equals(database) ? TestDatabases.h2() : TestDatabases.mysql();
            Path work;
            try {
                work = Files.createTempDirectory("rebatch-api-it-");
            } catch (IOException e) {
                db.close();
                throw new UncheckedIOException(e);
            }
            try {
                Path scenario = ApiServer.prepareSample(db, work);
                long prepared = System.nanoTime();
                ApiServer server = ApiServer.start(db.name(), db.jdbcUrl(), scenario, work.resolve("serve"),
                        ApiServer.newSecret());
                System.out.printf("[%s] REST ITs: sample prepared in %.1f s, served on %s after %.1f s more%n",
                        db.name(), (prepared - started) / 1e9, server.base(), (System.nanoTime() - prepared) / 1e9);
                s = new Shared(server, db, work);
                SHARED.put(database, s);
            } catch (RuntimeException | Error e) {
                db.close();
                delete(work);
                throw e;
            }
        }
        return s.server();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("close", k -> (AutoCloseable) ApiServers::closeAll);
    }

    private static synchronized void closeAll() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Shared s : SHARED.values()) {
            try {
                s.server().close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
            try {
                s.db().close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
            delete(s.work());
        }
        SHARED.clear();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: a temp directory
        }
    }
}
