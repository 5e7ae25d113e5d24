package io.rebatch.sandbox.generator;

import io.rebatch.domain.BusinessTime;
import io.rebatch.sandbox.PlatformSimulator;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * What {@link ScenarioWriter} lends a platform simulator writing its day files: the scenario, the
 * {@code in/} directory, the platforms' bad habits applied per snapshot from the seed (sent twice,
 * the previous snapshot re-sent out of order, late into the next day's file), and API-dump paging.
 */
public final class ScenarioFiles {
    private static final long SALT_LATE = 0x4c415445L;
    private static final long SALT_RESEND = 0x52455345L;
    private static final long SALT_DUP = 0x44555021L;
    private static final long SALT_REQUEST = 0x52455149L;

    private final ScenarioGenerator g;
    private final Path in;

    ScenarioFiles(ScenarioGenerator g, Path in) {
        this.g = g;
        this.in = in;
    }

    public ScenarioGenerator generator() {
        return g;
    }

    /** The file's path under {@code in/}. */
    public Path in(String name) {
        return in.resolve(name);
    }

    /** The {@code --platform} value and file-name prefix of a platform: its name in lower case. */
    public static String code(PlatformSimulator sim) {
        return sim.platform().name().toLowerCase(Locale.ROOT);
    }

    public static Writer writer(Path file, Charset cs) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, cs), 1 << 16);
    }

    /** The seeded stream of request ids in one dump file; {@code stream} is the simulator's order or its own constant. */
    public SplittableRandom requestIds(long stream, LocalDate d) {
        return SeedMath.random(g.spec().seed(), SALT_REQUEST, stream, d.toEpochDay());
    }

    // ---------------------------------------------------------------- quirks

    private boolean late(Snapshot s) {
        LocalDate day = BusinessTime.dateOf(s.updatedAt());
        if (!day.isBefore(g.spec().to())) {
            return false;
        }
        boolean lastQuarterHour = Duration.between(s.updatedAt(), BusinessTime.endOf(day)).getSeconds() <= 15 * 60;
        return lastQuarterHour && SeedMath.unit(g.spec().seed(), SALT_LATE, s.lineOrdinal(), s.seq(), s.refund() ? 1 : 0) < 0.35;
    }

    private boolean resendPrevious(Snapshot s) {
        return s.seq() > 0 && SeedMath.unit(g.spec().seed(), SALT_RESEND, s.lineOrdinal(), s.seq()) < 0.08;
    }

    private boolean duplicate(Snapshot s) {
        return SeedMath.unit(g.spec().seed(), SALT_DUP, s.lineOrdinal(), s.seq(), s.refund() ? 1 : 0) < 0.04;
    }

    /** The order snapshots a platform's dump of day d holds, per window of its {@link PlatformSimulator#dumpWindow()}, quirks applied. */
    List<List<Snapshot>> emission(PlatformSimulator sim, LocalDate d) {
        Instant start = BusinessTime.startOf(d);
        long windowSeconds = sim.dumpWindow().getSeconds();
        int windows = (int) (Duration.between(start, BusinessTime.endOf(d)).getSeconds() / windowSeconds);
        List<List<Snapshot>> out = new ArrayList<>();
        List<List<Snapshot>> dups = new ArrayList<>();
        for (int i = 0; i < windows; i++) {
            out.add(new ArrayList<>());
            dups.add(new ArrayList<>());
        }
        if (d.isAfter(g.spec().from())) {
            for (Snapshot s : g.snapshotsOn(sim.platform(), d.minusDays(1))) {
                if (late(s)) {
                    out.get(0).add(s);
                }
            }
        }
        for (Snapshot s : g.snapshotsOn(sim.platform(), d)) {
            if (late(s)) {
                continue;
            }
            int wi = (int) Math.min(windows - 1, Duration.between(start, s.updatedAt()).getSeconds() / windowSeconds);
            out.get(wi).add(s);
            if (resendPrevious(s)) {
                out.get(wi).add(s.previous());
            }
            if (duplicate(s)) {
                dups.get(Math.min(wi + 1, windows - 1)).add(s);
            }
        }
        for (int i = 0; i < windows; i++) {
            out.get(i).addAll(dups.get(i));
        }
        return out;
    }

    /** The refund snapshots updated on day d, the duplicates at the end. */
    public List<Snapshot> refundEmission(LocalDate d) {
        List<Snapshot> out = new ArrayList<>();
        List<Snapshot> dups = new ArrayList<>();
        for (Snapshot s : g.refundSnapshotsOn(d)) {
            out.add(s);
            if (duplicate(s)) {
                dups.add(s);
            }
        }
        out.addAll(dups);
        return out;
    }

    // ---------------------------------------------------------------- API dumps

    /** One response body of a dump: a page of a window holding {@code total} rows. */
    @FunctionalInterface
    public interface PageBody {
        String body(List<Snapshot> slice, int page, boolean hasMore, int total, SplittableRandom requestIds);
    }

    /**
     * Writes {@code <platform>-<day>.jsonl}: for each window, the pages a puller gets (an empty
     * window gives one empty page), one body a line, LF.
     */
    public DayFile writeApiDump(PlatformSimulator sim, LocalDate d, List<List<Snapshot>> windows, int pageSize,
                                PageBody body) throws IOException {
        String name = code(sim) + "-" + d + ".jsonl";
        SplittableRandom req = requestIds(sim.order(), d);
        try (Writer w = writer(in(name), StandardCharsets.UTF_8)) {
            for (List<Snapshot> rows : windows) {
                int pagesCount = Math.max(1, (rows.size() + pageSize - 1) / pageSize);
                for (int page = 1; page <= pagesCount; page++) {
                    List<Snapshot> slice = rows.subList(Math.min(rows.size(), (page - 1) * pageSize),
                            Math.min(rows.size(), page * pageSize));
                    w.write(body.body(slice, page, page < pagesCount, rows.size(), req));
                    w.write('\n');
                }
            }
        }
        return new DayFile(name, "import --platform " + code(sim) + " in/" + name);
    }
}
