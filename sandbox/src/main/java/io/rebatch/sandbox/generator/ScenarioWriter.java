package io.rebatch.sandbox.generator;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.format.PlatformJson;
import io.rebatch.sandbox.format.TaobaoExportCsv;
import io.rebatch.sandbox.format.TaobaoPositionIndex;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Writes a generated scenario as the files finance and the acceptance scripts use, laid out like
 * {@code samples/multi-week}:
 * <pre>
 * steps.txt                              §10 CLI script: load, import per day, settle per day, close-month, export
 * config/rules/&lt;yyyy-MM&gt;.yml             rule set(s), keys of SPEC §2.3
 * in/users.csv, in/bindings.csv, in/clicks.csv          UTF-8, CRLF, the sample's headers
 * in/taobao-YYYY-MM-DD.jsonl             TOP order.details.get pages, 3-hour windows, 20 rows a page
 * in/taobao-YYYY-MM-DD.csv               instead of the .jsonl on {@link ScenarioSpec#taobaoExportDays()}: back-office export, GB18030
 * in/jd-YYYY-MM-DD.jsonl                 JD order.row.query pages, 1-hour windows, 100 rows a page
 * in/pdd-YYYY-MM-DD.jsonl                PDD order.list.increment.get pages, one 24-hour window, 100 rows a page
 * in/taobao-refunds-YYYY-MM-DD.jsonl     TOP relation.refund pages (only days with refund updates)
 * </pre>
 * A day's dump holds the snapshots updated that day, cut into the windows a real puller would use
 * (empty windows give an empty page), plus the platforms' bad habits, decided per snapshot from the
 * seed: some snapshots are sent twice (the copy on a later page), some re-send the line's previous,
 * older snapshot right after the new one (out of order), and some updated in the last quarter-hour
 * of a day only arrive in the next day's file (late). JSON Lines end with LF, CSVs with CRLF.
 *
 * <p>Writes only inputs: no expected balances or lines.
 */
public final class ScenarioWriter {
    public static final int TAOBAO_PAGE_SIZE = 20;
    public static final int JD_PAGE_SIZE = 100;
    public static final int PDD_PAGE_SIZE = 100;
    public static final int REFUND_PAGE_SIZE = 20;
    private static final long SALT_LATE = 0x4c415445L;
    private static final long SALT_RESEND = 0x52455345L;
    private static final long SALT_DUP = 0x44555021L;
    private static final long SALT_REQUEST = 0x52455149L;
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
        for (LocalDate d : g.days()) {
            for (Platform p : Platform.values()) {
                List<List<Snapshot>> windows = emission(g, p, d);
                String name;
                if (p == Platform.TAOBAO && spec.taobaoExportDays().contains(d)) {
                    name = "taobao-" + d + ".csv";
                    writeTaobaoExport(windows, in.resolve(name));
                } else {
                    name = p.name().toLowerCase(Locale.ROOT) + "-" + d + ".jsonl";
                    writeDump(g, p, d, windows, in.resolve(name));
                }
                written.add(dir.relativize(in.resolve(name)));
                steps.add("import --platform " + p.name().toLowerCase(Locale.ROOT) + " in/" + name);
            }
            List<Snapshot> refunds = refundEmission(g, d);
            if (!refunds.isEmpty()) {
                String name = "taobao-refunds-" + d + ".jsonl";
                writeRefunds(g, d, refunds, in.resolve(name));
                written.add(dir.relativize(in.resolve(name)));
                steps.add("import --platform taobao --refunds in/" + name);
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

    private static Writer csv(Path file, Charset cs) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, cs), 1 << 16);
    }

    private static String iso(Instant t, java.time.ZoneOffset offset) {
        return ISO_OFFSET.format(OffsetDateTime.ofInstant(t, offset));
    }

    private static void writeUsers(ScenarioGenerator g, Path file) throws IOException {
        try (Writer w = csv(file, StandardCharsets.UTF_8)) {
            w.write("user_id,level,inviter_id,registered_at\r\n");
            for (User u : g.users()) {
                w.write(u.userId() + "," + u.level() + "," + (u.inviterId() == null ? "" : u.inviterId()) + ","
                        + iso(u.registeredAt(), u.shownOffset()) + "\r\n");
            }
        }
    }

    private static void writeBindings(ScenarioGenerator g, Path file) throws IOException {
        try (Writer w = csv(file, StandardCharsets.UTF_8)) {
            w.write("platform,kind,value,user_id\r\n");
            for (Binding b : g.bindings()) {
                w.write(b.platform() + "," + b.kind() + "," + b.value() + "," + b.userId() + "\r\n");
            }
        }
    }

    private static void writeClicks(ScenarioGenerator g, Path file) throws IOException {
        try (Writer w = csv(file, StandardCharsets.UTF_8)) {
            w.write("click_id,user_id,platform,item_id,pid,clicked_at\r\n");
            for (LocalDate d : g.days()) {
                for (Click c : g.day(d).clicks()) {
                    w.write(c.clickId() + "," + c.userId() + "," + c.platform() + "," + c.itemId() + "," + c.pid()
                            + "," + iso(c.clickedAt(), c.shownOffset()) + "\r\n");
                }
            }
        }
    }

    // ---------------------------------------------------------------- quirks

    private static boolean late(ScenarioGenerator g, Snapshot s) {
        LocalDate day = BusinessTime.dateOf(s.updatedAt());
        if (!day.isBefore(g.spec().to())) {
            return false;
        }
        boolean lastQuarterHour = Duration.between(s.updatedAt(), BusinessTime.endOf(day)).getSeconds() <= 15 * 60;
        return lastQuarterHour && SeedMath.unit(g.spec().seed(), SALT_LATE, s.lineOrdinal(), s.seq(), s.refund() ? 1 : 0) < 0.35;
    }

    private static boolean resendPrevious(ScenarioGenerator g, Snapshot s) {
        return s.seq() > 0 && SeedMath.unit(g.spec().seed(), SALT_RESEND, s.lineOrdinal(), s.seq()) < 0.08;
    }

    private static boolean duplicate(ScenarioGenerator g, Snapshot s) {
        return SeedMath.unit(g.spec().seed(), SALT_DUP, s.lineOrdinal(), s.seq(), s.refund() ? 1 : 0) < 0.04;
    }

    /** Window length of a day's dump: what a puller would ask for (Taobao 3 h, JD 1 h, PDD 24 h). */
    static Duration window(Platform p) {
        return switch (p) {
            case TAOBAO -> Duration.ofHours(3);
            case JD -> Duration.ofHours(1);
            case PDD -> Duration.ofHours(24);
        };
    }

    /** The snapshots a day's dump holds, per window, quirks applied. */
    static List<List<Snapshot>> emission(ScenarioGenerator g, Platform p, LocalDate d) {
        Instant start = BusinessTime.startOf(d);
        long windowSeconds = window(p).getSeconds();
        int windows = (int) (Duration.between(start, BusinessTime.endOf(d)).getSeconds() / windowSeconds);
        List<List<Snapshot>> out = new ArrayList<>();
        List<List<Snapshot>> dups = new ArrayList<>();
        for (int i = 0; i < windows; i++) {
            out.add(new ArrayList<>());
            dups.add(new ArrayList<>());
        }
        if (d.isAfter(g.spec().from())) {
            for (Snapshot s : g.snapshotsOn(p, d.minusDays(1))) {
                if (late(g, s)) {
                    out.get(0).add(s);
                }
            }
        }
        for (Snapshot s : g.snapshotsOn(p, d)) {
            if (late(g, s)) {
                continue;
            }
            int wi = (int) Math.min(windows - 1, Duration.between(start, s.updatedAt()).getSeconds() / windowSeconds);
            out.get(wi).add(s);
            if (resendPrevious(g, s)) {
                out.get(wi).add(s.previous());
            }
            if (duplicate(g, s)) {
                dups.get(Math.min(wi + 1, windows - 1)).add(s);
            }
        }
        for (int i = 0; i < windows; i++) {
            out.get(i).addAll(dups.get(i));
        }
        return out;
    }

    static List<Snapshot> refundEmission(ScenarioGenerator g, LocalDate d) {
        List<Snapshot> out = new ArrayList<>();
        List<Snapshot> dups = new ArrayList<>();
        for (Snapshot s : g.refundSnapshotsOn(d)) {
            out.add(s);
            if (duplicate(g, s)) {
                dups.add(s);
            }
        }
        out.addAll(dups);
        return out;
    }

    // ---------------------------------------------------------------- dumps

    private static void writeDump(ScenarioGenerator g, Platform p, LocalDate d, List<List<Snapshot>> windows, Path file)
            throws IOException {
        SplittableRandom req = SeedMath.random(g.spec().seed(), SALT_REQUEST, p.ordinal(), d.toEpochDay());
        try (Writer w = csv(file, StandardCharsets.UTF_8)) {
            for (List<Snapshot> rows : windows) {
                for (String page : pages(p, rows, req)) {
                    w.write(page);
                    w.write('\n');
                }
            }
        }
    }

    /** The response bodies a puller gets when it pages through one window holding {@code rows}. */
    static List<String> pages(Platform p, List<Snapshot> rows, SplittableRandom req) {
        int size = switch (p) {
            case TAOBAO -> TAOBAO_PAGE_SIZE;
            case JD -> JD_PAGE_SIZE;
            case PDD -> PDD_PAGE_SIZE;
        };
        List<String> out = new ArrayList<>();
        int pagesCount = Math.max(1, (rows.size() + size - 1) / size);
        for (int page = 1; page <= pagesCount; page++) {
            List<Snapshot> slice = rows.subList(Math.min(rows.size(), (page - 1) * size), Math.min(rows.size(), page * size));
            boolean more = page < pagesCount;
            out.add(switch (p) {
                case TAOBAO -> PlatformJson.taobaoOrderPage(map(slice, s -> (TaobaoOrderRow) s.row()), page > 1, more,
                        page, size, positionIndex(slice), topRequestId(req));
                case JD -> PlatformJson.jdOrderPage(map(slice, s -> (JdOrderRow) s.row()), more, jdRequestId(req));
                case PDD -> PlatformJson.pddOrderPage(map(slice, s -> (PddOrderRow) s.row()), (long) rows.size(),
                        pddRequestId(req));
            });
        }
        return out;
    }

    /** The position_index of a Taobao page: its first and last rows, keyed by modified_time. */
    public static String positionIndex(List<Snapshot> slice) {
        if (slice.isEmpty()) {
            return "";
        }
        return TaobaoPositionIndex.encode(key(slice.get(0)), key(slice.get(slice.size() - 1)));
    }

    private static TaobaoPositionIndex.Key key(Snapshot s) {
        return new TaobaoPositionIndex.Key(s.updatedAt().getEpochSecond(), Long.parseLong(s.lineId()), s.seq());
    }

    private static <T> List<T> map(List<Snapshot> slice, Function<Snapshot, T> f) {
        List<T> out = new ArrayList<>(slice.size());
        slice.forEach(s -> out.add(f.apply(s)));
        return out;
    }

    /** TOP request ids look like {@code "16l9x2qz8b1mk"}: 13 base-36 characters. */
    public static String topRequestId(SplittableRandom r) {
        StringBuilder sb = new StringBuilder(13);
        for (int i = 0; i < 13; i++) {
            sb.append(Character.forDigit(r.nextInt(36), 36));
        }
        return sb.toString();
    }

    public static String jdRequestId(SplittableRandom r) {
        return "o_" + SeedMath.hex(r, 8) + "_" + SeedMath.hex(r, 8) + "_" + SeedMath.hex(r, 6);
    }

    public static String pddRequestId(SplittableRandom r) {
        return "17" + (1_000_000_000_000_000L + r.nextLong(8_999_999_999_999_999L));
    }

    private static void writeTaobaoExport(List<List<Snapshot>> windows, Path file) throws IOException {
        try (Writer w = csv(file, TaobaoExportCsv.CHARSET)) {
            w.write(TaobaoExportCsv.headerLine());
            for (List<Snapshot> rows : windows) {
                for (Snapshot s : rows) {
                    String line = TaobaoExportCsv.line((TaobaoOrderRow) s.row());
                    if (line != null) {
                        w.write(line);
                    }
                }
            }
        }
    }

    private static void writeRefunds(ScenarioGenerator g, LocalDate d, List<Snapshot> rows, Path file) throws IOException {
        SplittableRandom req = SeedMath.random(g.spec().seed(), SALT_REQUEST, 99, d.toEpochDay());
        try (Writer w = csv(file, StandardCharsets.UTF_8)) {
            int pagesCount = (rows.size() + REFUND_PAGE_SIZE - 1) / REFUND_PAGE_SIZE;
            for (int page = 1; page <= pagesCount; page++) {
                List<Snapshot> slice = rows.subList((page - 1) * REFUND_PAGE_SIZE, Math.min(rows.size(), page * REFUND_PAGE_SIZE));
                w.write(PlatformJson.taobaoRefundPage(map(slice, s -> (TaobaoRefundRow) s.row()), page,
                        REFUND_PAGE_SIZE, rows.size(), topRequestId(req)));
                w.write('\n');
            }
        }
    }
}
