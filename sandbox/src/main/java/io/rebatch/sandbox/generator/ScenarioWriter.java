package io.rebatch.sandbox.generator;

import io.rebatch.sandbox.PlatformSimulator;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a generated scenario as the files finance and the acceptance scripts use, laid out like
 * {@code samples/multi-week}:
 * <pre>
 * steps.txt                              §10 CLI script: load, import per day, settle per day, close-month, export
 * config/rules/&lt;yyyy-MM&gt;.yml             rule set(s), keys of SPEC §2.3
 * in/users.csv, in/bindings.csv, in/clicks.csv          UTF-8, CRLF, the sample's headers
 * in/&lt;platform&gt;-YYYY-MM-DD.*             each day, each platform's files, written by its simulator
 *                                        ({@link PlatformSimulator#writeOrderFiles}, then
 *                                        {@link PlatformSimulator#writeFollowUpFiles})
 * </pre>
 * A day's dump holds the snapshots updated that day, cut into the windows a real puller would use
 * (empty windows give an empty page), plus the platforms' bad habits, decided per snapshot from the
 * seed ({@link ScenarioFiles}). JSON Lines end with LF, CSVs with CRLF.
 *
 * <p>Writes only inputs: no expected balances or lines.
 */
public final class ScenarioWriter {
    private static final DateTimeFormatter ISO_OFFSET = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);

    private ScenarioWriter() {
    }

    /**
     * Writes the scenario under {@code dir} (created if needed; existing files of the same names are
     * replaced) and returns the written files relative to {@code dir}, in writing order.
     */
    public static List<Path> write(ScenarioGenerator g, Path dir) throws IOException {
        ScenarioSpec spec = g.spec();
        Path in = dir.resolve("in");
        Path rules = dir.resolve("config").resolve("rules");
        Files.createDirectories(in);
        Files.createDirectories(rules);
        List<Path> written = new ArrayList<>();

        writeUsers(g, in.resolve("users.csv"));
        written.add(dir.relativize(in.resolve("users.csv")));
        writeBindings(g, in.resolve("bindings.csv"));
        written.add(dir.relativize(in.resolve("bindings.csv")));
        writeClicks(g, in.resolve("clicks.csv"));
        written.add(dir.relativize(in.resolve("clicks.csv")));

        List<String> steps = new ArrayList<>();
        steps.add("load users in/users.csv");
        steps.add("load bindings in/bindings.csv");
        steps.add("load clicks in/clicks.csv");
        ScenarioFiles files = new ScenarioFiles(g, in);
        for (LocalDate d : g.days()) {
            List<DayFile> dayFiles = new ArrayList<>();
            for (PlatformSimulator sim : g.simulators()) {
                dayFiles.addAll(sim.writeOrderFiles(files, d, files.emission(sim, d)));
            }
            for (PlatformSimulator sim : g.simulators()) {
                dayFiles.addAll(sim.writeFollowUpFiles(files, d));
            }
            for (DayFile f : dayFiles) {
                written.add(dir.relativize(in.resolve(f.name())));
                steps.add(f.step());
            }
            steps.add("settle --date " + d);
        }
        for (YearMonth m = YearMonth.from(spec.from()); !m.atEndOfMonth().isAfter(spec.to()); m = m.plusMonths(1)) {
            steps.add("close-month --month " + m);
        }
        steps.add("export balances --out out/balances.csv");
        steps.add("export lines --out out/lines.csv");
        Files.writeString(dir.resolve("steps.txt"), String.join("\n", steps) + "\n", StandardCharsets.UTF_8);
        written.add(Path.of("steps.txt"));

        YearMonth first = YearMonth.from(spec.from());
        Path base = rules.resolve(first + ".yml");
        Files.writeString(base, RuleSetTemplates.base(first), StandardCharsets.UTF_8);
        written.add(dir.relativize(base));
        if (YearMonth.from(spec.to()).isAfter(first)) {
            Path revised = rules.resolve(first.plusMonths(1) + ".yml");
            Files.writeString(revised, RuleSetTemplates.revised(first.plusMonths(1)), StandardCharsets.UTF_8);
            written.add(dir.relativize(revised));
        }
        return written;
    }

    // ---------------------------------------------------------------- app data

    private static String iso(Instant t, ZoneOffset offset) {
        return ISO_OFFSET.format(OffsetDateTime.ofInstant(t, offset));
    }

    private static void writeUsers(ScenarioGenerator g, Path file) throws IOException {
        try (Writer w = ScenarioFiles.writer(file, StandardCharsets.UTF_8)) {
            w.write("user_id,level,inviter_id,registered_at\r\n");
            for (GeneratedUser u : g.users()) {
                w.write(u.userId() + "," + u.level() + "," + (u.inviterId() == null ? "" : u.inviterId()) + ","
                        + iso(u.registeredAt(), u.shownOffset()) + "\r\n");
            }
        }
    }

    private static void writeBindings(ScenarioGenerator g, Path file) throws IOException {
        try (Writer w = ScenarioFiles.writer(file, StandardCharsets.UTF_8)) {
            w.write("platform,kind,value,user_id\r\n");
            for (GeneratedBinding b : g.bindings()) {
                w.write(b.platform() + "," + b.kind() + "," + b.value() + "," + b.userId() + "\r\n");
            }
        }
    }

    private static void writeClicks(ScenarioGenerator g, Path file) throws IOException {
        try (Writer w = ScenarioFiles.writer(file, StandardCharsets.UTF_8)) {
            w.write("click_id,user_id,platform,item_id,pid,clicked_at\r\n");
            for (LocalDate d : g.days()) {
                for (GeneratedClick c : g.day(d).clicks()) {
                    w.write(c.clickId() + "," + c.userId() + "," + c.platform() + "," + c.itemId() + "," + c.pid()
                            + "," + iso(c.clickedAt(), c.shownOffset()) + "\r\n");
                }
            }
        }
    }
}
