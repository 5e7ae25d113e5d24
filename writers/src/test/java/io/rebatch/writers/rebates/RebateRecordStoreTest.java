package io.rebatch.writers.rebates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.Bucket;
import io.rebatch.domain.Platform;
import io.rebatch.domain.Role;
import io.rebatch.writers.H2Schema;
import io.rebatch.writers.rebates.RebateRecordStore.RebateRecord;
import io.rebatch.writers.rebates.RebateRecordStore.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class RebateRecordStoreTest {
    private final SingleConnectionDataSource ds = H2Schema.withMigrations("V6__api_read_model.sql");
    private final JdbcTemplate jdbc = new JdbcTemplate(ds);
    private final RebateRecordStore store = new RebateRecordStore(jdbc);

    @AfterEach
    void close() {
        ds.destroy();
    }

    private static RebateRecord record(String line, Role role, long user, Status status, long fen, String title,
                                       String createdAt, String settledAt) {
        return new RebateRecord(Platform.JD, line, role, user, 7, status, fen, title, Instant.parse(createdAt),
                settledAt == null ? null : Instant.parse(settledAt));
    }

    @Test
    void insertsThenOverwritesByLineAndRoleAndCountsWhatItSent() {
        RebateRecord buyer = record("L1", Role.BUYER, 7, Status.PENDING, 1234, "纸尿裤", "2026-11-13T01:19:39.123Z", null);
        RebateRecord inviter = record("L1", Role.INVITER, 3, Status.PENDING, 246, "纸尿裤", "2026-11-13T01:19:39.123Z", null);
        RebateRecord other = record("L2", Role.BUYER, 7, Status.INVALID, 0, null, "2026-11-14T00:00:00Z", null);
        assertThat(store.upsert(List.of(inviter, other, buyer))).isEqualTo(3);

        RebateRecord settled = record("L1", Role.BUYER, 7, Status.AVAILABLE, 1200, "纸尿裤 L54", "2026-11-13T01:19:39.123Z",
                "2026-11-19T23:27:38.500Z");
        assertThat(store.upsert(List.of(settled))).isEqualTo(1);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rebate_record", Long.class)).isEqualTo(3);
        assertThat(store.forUser(7)).as("newest first, instants exact in any JVM time zone")
                .containsExactly(other, settled);
        assertThat(store.forUser(3)).containsExactly(inviter);
    }

    @Test
    void anEmptyChunkSendsNothing() {
        assertThat(store.upsert(List.of())).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rebate_record", Long.class)).isZero();
    }

    @Test
    void statusIsTheBucketOrInvalidWithoutOne() {
        assertThat(Status.of(Bucket.PENDING)).isEqualTo(Status.PENDING);
        assertThat(Status.of(Bucket.AVAILABLE)).isEqualTo(Status.AVAILABLE);
        assertThat(Status.of(null)).isEqualTo(Status.INVALID);
        assertThatThrownBy(() -> Status.of(Bucket.PAID)).isInstanceOf(IllegalArgumentException.class);
    }
}
