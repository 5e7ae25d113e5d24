package io.rebatch.sandbox.generator;

import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Platform;
import io.rebatch.sandbox.Simulators;
import io.rebatch.sandbox.jd.JdOrderRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioGeneratorTest {
    private static final LocalDate FROM = LocalDate.of(2026, 10, 20);
    private static final LocalDate TO = LocalDate.of(2026, 11, 10);

    private static ScenarioSpec spec(long seed) {
        return ScenarioSpec.builder().seed(seed).users(40).orders(300).from(FROM).to(TO)
                .taobaoExportOn(LocalDate.of(2026, 11, 1)).build();
    }

    @Test
    void sameSeedWritesIdenticalFilesAndAnotherSeedDoesNot(@TempDir Path a, @TempDir Path b, @TempDir Path c)
            throws IOException {
        List<Path> first = ScenarioWriter.write(new ScenarioGenerator(spec(5)), a);
        List<Path> second = ScenarioWriter.write(new ScenarioGenerator(spec(5)), b);
        assertThat(second).isEqualTo(first);
        for (Path p : first) {
            assertThat(Files.mismatch(a.resolve(p), b.resolve(p))).as(p.toString()).isEqualTo(-1L);
        }
        ScenarioWriter.write(new ScenarioGenerator(spec(6)), c);
        assertThat(Files.mismatch(a.resolve("in/users.csv"), c.resolve("in/users.csv"))).isNotEqualTo(-1L);
        assertThat(Files.mismatch(a.resolve("in/taobao-2026-10-25.jsonl"), c.resolve("in/taobao-2026-10-25.jsonl")))
                .isNotEqualTo(-1L);
    }

    @Test
    void aDayRebuiltOnItsOwnIsTheSameAsInAFullPass() {
        ScenarioGenerator full = new ScenarioGenerator(spec(9));
        List<String> viaStream = full.lines().filter(l -> l.creationDay().equals(LocalDate.of(2026, 11, 3)))
                .map(l -> l.lineId() + l.snapshots()).toList();
        ScenarioGenerator fresh = new ScenarioGenerator(spec(9));
        List<String> alone = fresh.day(LocalDate.of(2026, 11, 3)).lines().stream()
                .map(l -> l.lineId() + l.snapshots()).toList();
        assertThat(alone).isEqualTo(viaStream).isNotEmpty();
    }

    @Test
    void linesAreCountedUniquelyIdentifiedAndTimeOrderedWithinTheHorizon() {
        ScenarioGenerator g = new ScenarioGenerator(spec(11));
        List<GeneratedLine> lines = g.lines().toList();
        assertThat(lines).hasSize(300);
        assertThat(g.days().stream().mapToInt(g::lineCount).sum()).isEqualTo(300);
        Set<String> ids = new HashSet<>();
        for (GeneratedLine l : lines) {
            assertThat(ids.add(l.platform() + l.lineId())).as(l.lineId()).isTrue();
            if (l.snapshots().isEmpty()) {
                // created in the last minutes of the scenario: paid only after its horizon
                assertThat(l.createdAt()).isAfter(g.horizonEnd().minusSeconds(20 * 60));
                continue;
            }
            assertThat(l.snapshots()).isSortedAccordingTo(Comparator.comparing(Snapshot::updatedAt));
            assertThat(l.snapshots().get(0).updatedAt()).isAfterOrEqualTo(l.createdAt());
            for (Snapshot s : l.snapshots()) {
                assertThat(s.updatedAt()).isBefore(g.horizonEnd());
            }
        }
        assertThat(lines.stream().map(GeneratedLine::platform).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Platform.TAOBAO, Platform.JD, Platform.PDD);
        // some orders are placed in the last quarter-hour before midnight, Asia/Shanghai
        assertThat(lines).anyMatch(l -> l.createdAt().atZone(BusinessTime.ZONE).getHour() == 23
                && l.createdAt().atZone(BusinessTime.ZONE).getMinute() >= 45);
        // multi-line orders share a parent
        assertThat(lines.stream().collect(Collectors.groupingBy(GeneratedLine::parentOrderId, Collectors.counting())).values())
                .anyMatch(n -> n > 1);
    }

    @Test
    void windowQueriesReturnExactlyTheSnapshotsUpdatedInTheWindow() {
        ScenarioGenerator g = new ScenarioGenerator(spec(13));
        List<Snapshot> all = new ArrayList<>();
        g.lines().forEach(l -> all.addAll(l.snapshots()));
        for (Platform p : Simulators.platforms()) {
            Instant a = BusinessTime.parseLocal("2026-10-27 21:30:00");
            Instant b = BusinessTime.parseLocal("2026-10-29 02:10:00");
            Set<String> expected = all.stream()
                    .filter(s -> s.platform().equals(p) && !s.updatedAt().isBefore(a) && s.updatedAt().isBefore(b))
                    .map(Snapshot::key).collect(Collectors.toSet());
            List<Snapshot> got = g.snapshots(p, a, b);
            assertThat(got).extracting(Snapshot::key).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(got).isSortedAccordingTo(ScenarioGenerator.BY_UPDATE_TIME);
            assertThat(expected).isNotEmpty();
        }
        // cutting the whole scenario into day windows loses and repeats nothing
        long perDay = g.days().stream().mapToLong(d -> Simulators.platforms().stream()
                .mapToLong(p -> g.snapshotsOn(p, d).size()).sum()).sum();
        assertThat(perDay).isEqualTo(all.size());
    }

    @Test
    void stateAtAnInstantIsTheLastSnapshotUpdatedAtOrBeforeIt() {
        ScenarioGenerator g = new ScenarioGenerator(spec(17));
        GeneratedLine line = g.lines().filter(l -> l.snapshots().size() >= 3).findFirst().orElseThrow();
        Snapshot second = line.snapshots().get(1);
        assertThat(line.stateAt(line.snapshots().get(0).updatedAt().minusSeconds(1))).isEmpty();
        assertThat(line.stateAt(second.updatedAt())).contains(second);
        assertThat(line.stateAt(line.snapshots().get(2).updatedAt().minusSeconds(1))).contains(second);
        assertThat(g.stateAt(line.platform(), line.lineId(), second.updatedAt()).map(Snapshot::key))
                .contains(second.key());
        assertThat(second.previous().row()).isEqualTo(line.snapshots().get(0).row());
        assertThat(second.nextUpdatedAt()).isEqualTo(line.snapshots().get(2).updatedAt());
    }

    @Test
    void statusesMoveForwardAndRefundsFollowSettlement() {
        ScenarioGenerator g = new ScenarioGenerator(ScenarioSpec.builder().seed(21).users(60).orders(1200)
                .from(LocalDate.of(2026, 9, 1)).to(LocalDate.of(2026, 11, 20)).build());
        List<GeneratedLine> taobao = g.lines(Platform.TAOBAO).toList();
        // a paid Taobao line goes 12 → 14 → 3, and some are invalidated after settling
        assertThat(taobao).anyMatch(l -> codes(l).equals(List.of(12, 14, 3)));
        assertThat(taobao).anyMatch(l -> codes(l).containsAll(List.of(3, 13)));
        assertThat(taobao).anyMatch(l -> codes(l).size() >= 2 && codes(l).get(0) == 11);
        for (GeneratedLine l : taobao) {
            if (!l.refunds().isEmpty()) {
                Instant settled = l.snapshots().stream().filter(s -> s.statusCode() == 3).findFirst()
                        .orElseThrow().updatedAt();
                assertThat(l.refunds().get(0).updatedAt()).isAfter(settled);
                assertThat(l.refunds().get(0).statusCode()).isEqualTo(4);
            }
        }
        assertThat(taobao).anyMatch(l -> l.refunds().size() == 2 && List.of(2, 13, 15).contains(l.refunds().get(1).statusCode()));
        assertThat(taobao).anyMatch(l -> l.refunds().size() == 2 && l.refunds().get(1).statusCode() == 3);
        // JD: 16 → 17 → 17 with payMonth, sometimes 18; PDD: 0 → 1 → 2 → 3 → 5 and 10 after settling
        assertThat(g.lines(Platform.JD)).anyMatch(l -> l.snapshots().stream()
                .anyMatch(s -> s.statusCode() == 17 && ((JdOrderRow) s.row()).payMonth() != 0));
        assertThat(g.lines(Platform.PDD)).anyMatch(l -> codes(l).equals(List.of(0, 1, 2, 3, 5)));
        assertThat(g.lines(Platform.PDD)).anyMatch(l -> codes(l).contains(5) && codes(l).contains(10));
    }

    private static List<Integer> codes(GeneratedLine l) {
        return l.snapshots().stream().map(Snapshot::statusCode).toList();
    }
}
