package io.rebatch.app.cli;

import io.rebatch.domain.Money;
import io.rebatch.sandbox.generator.ScenarioGenerator;
import io.rebatch.sandbox.generator.ScenarioSpec;
import io.rebatch.sandbox.generator.ScenarioWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * The nightly settlement demo: a seeded scenario from the sandbox generator (all three platforms, refunds, late
 * and out-of-order snapshots, late clicks), driven through the same commands finance runs — loads, imports and a
 * settle per business day, month close, exports — on a fresh embedded database, then a summary.
 */
@Command(name = "demo", description = "Generate a realistic multi-day scenario, import and settle it day by day on a"
        + " fresh embedded database (./data/demo), close the month, and print a summary.")
class DemoCommand implements Callable<Integer> {
    @ParentCommand
    RebatchCommand root;

    @Option(names = "--seed", defaultValue = "20261126", description = "Generator seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--orders", defaultValue = "3000", description = "Order lines to generate (default ${DEFAULT-VALUE})")
    int orders;

    @Option(names = "--users", defaultValue = "1000", description = "Users to generate (default ${DEFAULT-VALUE})")
    int users;

    @Option(names = "--from", defaultValue = "2026-10-01", description = "First business day (default ${DEFAULT-VALUE})")
    LocalDate from;

    @Option(names = "--to", defaultValue = "2026-10-31", description = "Last business day (default ${DEFAULT-VALUE})")
    LocalDate to;

    @Option(names = "--dir", defaultValue = "demo", description = "Where the scenario files go (default ${DEFAULT-VALUE})")
    Path dir;

    @Override
    public Integer call() throws IOException {
        long t0 = System.nanoTime();
        PrintWriter out = root.out();
        if (root.db == null) {
            Path data = Path.of("data");
            deleteTree(data.resolve("demo.mv.db"));
            deleteTree(data.resolve("demo.trace.db"));
            root.db = RebatchContext.embeddedUrl(data).replace("/rebatch;", "/demo;");
        }
        deleteTree(dir);
        ScenarioSpec spec = ScenarioSpec.builder().seed(seed).users(users).orders(orders).from(from).to(to)
                .taobaoExportOn(from.plusDays(7)).build();
        ScenarioWriter.write(new ScenarioGenerator(spec), dir);
        root.config = dir.resolve("config");
        out.printf("demo: scenario seed %d, %d users, %d order lines, %s..%s written to %s%n", seed, users, orders, from,
                to, dir);
        out.flush();
        root.context(Map.of("rebatch.reports-dir", dir.resolve("reports").toString()));
        List<String> steps = Files.readAllLines(dir.resolve("steps.txt"));
        int n = 0;
        for (String step : steps) {
            if (step.isBlank()) {
                continue;
            }
            List<String> args = new ArrayList<>();
            for (String token : step.trim().split("\\s+")) {
                args.add(token.contains("/") ? dir.resolve(token).toString() : token);
            }
            StringWriter stepOut = new StringWriter();
            int code = root.runStep(new PrintWriter(stepOut), args.toArray(String[]::new));
            if (code != 0) {
                out.println("demo: step failed: " + step);
                return code;
            }
            n++;
            if (step.startsWith("settle") || step.startsWith("close-month")) {
                out.print("  " + stepOut);
                out.flush();
            }
        }
        summary(out, n, (System.nanoTime() - t0) / 1_000_000);
        return 0;
    }

    private void summary(PrintWriter out, int steps, long millis) {
        JdbcTemplate jdbc = root.bean(JdbcTemplate.class);
        out.println();
        out.printf("demo: %d commands in %.1f s on %s%n", steps, millis / 1000.0, root.db);
        out.println("order lines by platform and status:");
        jdbc.query("SELECT platform, status, COUNT(*) FROM order_line GROUP BY platform, status ORDER BY platform, status",
                rs -> {
                    out.printf("  %-7s %-9s %7d%n", rs.getString(1), rs.getString(2), rs.getLong(3));
                });
        out.println("attribution:");
        jdbc.query("SELECT COALESCE(s.method, 'UNATTRIBUTED'), COUNT(*), SUM(COALESCE(s.unverified, 0)),"
                + " SUM(COALESCE(s.income_fen, 0)) FROM order_line o LEFT JOIN line_settlement s"
                + " ON s.platform = o.platform AND s.order_line_id = o.order_line_id GROUP BY COALESCE(s.method, 'UNATTRIBUTED')"
                + " ORDER BY 1", rs -> {
                    out.printf("  %-13s %7d lines, income %12s yuan%s%n", rs.getString(1), rs.getLong(2),
                            Money.formatYuan(rs.getLong(4)),
                            "DIRECT".equals(rs.getString(1)) ? " (" + rs.getLong(3) + " unverified)" : "");
                });
        jdbc.query("SELECT COUNT(*), SUM(pending_fen), SUM(available_fen) FROM user_balance", rs -> {
            out.printf("balances: %d users, pending %s yuan, available %s yuan%n", rs.getLong(1),
                    Money.formatYuan(rs.getLong(2)), Money.formatYuan(rs.getLong(3)));
        });
        jdbc.query("SELECT COUNT(*), COALESCE(SUM(amount_fen), 0) FROM ledger_entry", rs -> {
            out.printf("ledger: %d entries, sum %d fen (double entry: always 0)%n", rs.getLong(1), rs.getLong(2));
        });
        Long quarantined = jdbc.queryForObject("SELECT COUNT(*) FROM quarantine", Long.class);
        out.printf("quarantined rows: %d%n", quarantined);
        out.printf("reports: %s (per settle run), exports: %s and %s%n", dir.resolve("reports"),
                dir.resolve("out/balances.csv"), dir.resolve("out/lines.csv"));
        out.flush();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
