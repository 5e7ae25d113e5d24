package io.rebatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.app.cli.RebatchCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Drives scenario folders (steps.txt + in/ + config/) through the CLI in-process, as a finance script would. */
public final class Scenarios {
    private Scenarios() {
    }

    public static Path samplesDir() {
        String dir = System.getProperty("rebatch.samples.dir");
        Path p = dir == null || dir.isBlank() ? Path.of("../../shared/samples") : Path.of(dir);
        if (!Files.isDirectory(p)) {
            p = Path.of("/work/shared/samples");
        }
        return p;
    }

    public static Path copySample(String name, Path work) {
        Path target = work.resolve(name);
        copyTree(samplesDir().resolve(name), target);
        return target;
    }

    public static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                    t.toFile().setWritable(true);
                }
            }
            Files.createDirectories(to.resolve("out"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One step of steps.txt as CLI arguments, with the scenario's relative paths made absolute. */
    public static String[] args(Path scenario, String jdbcUrl, String step) {
        List<String> args = new ArrayList<>(List.of("--db", jdbcUrl, "--config", scenario.resolve("config").toString()));
        for (String token : step.trim().split("\\s+")) {
            args.add(token.contains("/") ? scenario.resolve(token).toString() : token);
        }
        return args.toArray(String[]::new);
    }

    public static void runSteps(Path scenario, String jdbcUrl) {
        System.setProperty("rebatch.reports-dir", scenario.resolve("reports").toString());
        try {
            for (String step : Files.readAllLines(scenario.resolve("steps.txt"), StandardCharsets.UTF_8)) {
                if (step.isBlank()) {
                    continue;
                }
                int code = RebatchCommand.execute(args(scenario, jdbcUrl, step));
                assertThat(code).as("exit code of '%s'", step).isZero();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scenario's data steps only ({@code load} and {@code import}: everything but settling and exports). */
    public static void loadAndImport(Path scenario, String jdbcUrl) {
        try {
            for (String step : Files.readAllLines(scenario.resolve("steps.txt"), StandardCharsets.UTF_8)) {
                if (step.startsWith("load") || step.startsWith("import")) {
                    assertThat(RebatchCommand.execute(args(scenario, jdbcUrl, step))).as(step).isZero();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The balance rows of a balances CSV without the header and without all-zero users. */
    public static List<String> nonZeroBalances(Path csv) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            boolean zero = true;
            for (int i = 1; i < f.length; i++) {
                zero &= Long.parseLong(f[i].trim()) == 0;
            }
            if (!zero) {
                out.add(line.trim());
            }
        }
        return out;
    }

    public static long count(String jdbcUrl, String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a query, each column as text. */
    public static List<String[]> table(String jdbcUrl, String sql) throws java.sql.SQLException {
        List<String[]> out = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl);
             java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    row[i] = rs.getString(i + 1);
                }
                out.add(row);
            }
        }
        return out;
    }
}
