package io.rebatch.domain;

import static io.rebatch.domain.Fixtures.sh;
import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.domain.SnapshotOrder.Version;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnapshotOrderTest {
    private static final Instant T = sh("2026-11-25 13:45:12");   // 2026-11-25T05:45:12Z = 1795585512000 ms

    private static OrderLine snap(Instant modified, LineStatus status, String source) {
        Fixtures.LineBuilder b = Fixtures.line().modified(modified).source(source);
        if (status == LineStatus.SETTLED) {
            b.settled(1500, modified);
        } else {
            b.status(status);
        }
        return b.build();
    }

    @Test
    void versionIsModifiedAtThenStatusRank() {
        assertThat(new Version(T, 1)).isLessThan(new Version(T, 3));
        assertThat(new Version(T.plusSeconds(1), 1)).isGreaterThan(new Version(T, 4));
        assertThat(new Version(T, 2)).isEqualByComparingTo(new Version(T, 2));
        assertThat(snap(T, LineStatus.RECEIVED, "a").version()).isEqualTo(new Version(T, 2));
    }

    @Test
    void statusRanks() {
        assertThat(LineStatus.PAID.rank()).isEqualTo(1);
        assertThat(LineStatus.RECEIVED.rank()).isEqualTo(2);
        assertThat(LineStatus.SETTLED.rank()).isEqualTo(3);
        assertThat(LineStatus.INVALID.rank()).isEqualTo(4);
        assertThat(LineStatus.ofRank(3)).isEqualTo(LineStatus.SETTLED);
    }

    @Test
    void versionKeyIsEpochMillisDotRank() {
        assertThat(new Version(T, 3).key()).isEqualTo("1795585512000.3");
        assertThat(new Version(Instant.parse("1970-01-01T00:00:00.001Z"), 1).key()).isEqualTo("1.1");
    }

    @Test
    void replacesWhenNothingStoredOrVersionIsNotLower() {
        assertThat(SnapshotOrder.replaces(new Version(T, 1), null)).isTrue();
        assertThat(SnapshotOrder.replaces(new Version(T, 2), new Version(T, 1))).isTrue();
        assertThat(SnapshotOrder.replaces(new Version(T, 2), new Version(T, 2))).isTrue();
        assertThat(SnapshotOrder.replaces(new Version(T, 1), new Version(T, 2))).isFalse();
        assertThat(SnapshotOrder.replaces(new Version(T.minusSeconds(1), 4), new Version(T, 1))).isFalse();
    }

    @Test
    void laterSnapshotWins() {
        OrderLine paid = snap(T, LineStatus.PAID, "page 1");
        OrderLine settled = snap(T.plusSeconds(3600), LineStatus.SETTLED, "page 2");
        assertThat(SnapshotOrder.merge(null, paid)).isSameAs(paid);
        assertThat(SnapshotOrder.merge(paid, settled)).isSameAs(settled);
    }

    @Test
    void lateOlderSnapshotNeverOverwrites() {
        OrderLine settled = snap(T.plusSeconds(3600), LineStatus.SETTLED, "page 2");
        OrderLine latePaid = snap(T, LineStatus.PAID, "page 1, arriving late");
        // even an INVALID snapshot with an older modified_at loses
        OrderLine oldInvalid = snap(T.minusSeconds(1), LineStatus.INVALID, "old");
        assertThat(SnapshotOrder.merge(settled, latePaid)).isSameAs(settled);
        assertThat(SnapshotOrder.merge(settled, oldInvalid)).isSameAs(settled);
    }

    @Test
    void sameModifiedAtHigherStatusWinsWhateverTheOrder() {
        OrderLine received = snap(T, LineStatus.RECEIVED, "a");
        OrderLine settled = snap(T, LineStatus.SETTLED, "b");
        assertThat(SnapshotOrder.merge(received, settled)).isSameAs(settled);
        assertThat(SnapshotOrder.merge(settled, received)).isSameAs(settled);
    }

    @Test
    void equalVersionOverwritesLastImportWins() {
        OrderLine first = snap(T, LineStatus.PAID, "file A line 2");
        OrderLine second = snap(T, LineStatus.PAID, "file B line 7");
        assertThat(SnapshotOrder.merge(first, second).source()).isEqualTo("file B line 7");
        assertThat(SnapshotOrder.merge(second, first).source()).isEqualTo("file A line 2");
    }
}
