package io.rebatch.writers.settle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.Attribution.Beneficiaries;
import io.rebatch.domain.Attribution.Evidence;
import io.rebatch.domain.AttributionMethod;
import io.rebatch.domain.Bucket;
import io.rebatch.domain.LedgerDiff.Positions;
import io.rebatch.domain.Level;
import io.rebatch.domain.Platform;
import io.rebatch.domain.ShareSplit.Shares;
import io.rebatch.writers.OnFullSchema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The double-posting guard's storage half on the real tables: a state is written once (a second insert of the same
 * line is refused), an update names the {@code state_seq} it was computed from and bumps it, and an update computed
 * from a stale state is refused; {@link SettlementStateStore#lockAndLoad} reads back exactly what was written.
 */
class SettlementStateStoreTest extends OnFullSchema {
    private static final LocalDate NOV_25 = LocalDate.of(2026, 11, 25);
    private static final Platform TAOBAO = Platform.TAOBAO;

    private final SettlementStateStore store = new SettlementStateStore(new NamedParameterJdbcTemplate(jdbc));

    /** Line L1 paid 2026-11-25 13:45:12 Shanghai (05:45:12 UTC), 1000 fen estimated income; its line_seq. */
    private long line(String id) {
        jdbc.update("INSERT INTO order_line (platform, order_line_id, item_id, item_title, quantity, paid_amount_fen,"
                + " commission_rate_bps, estimated_income_fen, status, status_rank, created_at, paid_at, modified_at,"
                + " source) VALUES ('TAOBAO', ?, 'I1', '纸尿裤', 1, 10000, 1000, 1000, 'PAID', 1,"
                + " '2026-11-25 05:45:12.123', '2026-11-25 05:45:12.123', '2026-11-25 05:45:12.123', 't.csv:2')", id);
        return jdbc.queryForObject("SELECT line_seq FROM order_line WHERE order_line_id = ?", Long.class, id);
    }

    /** Attributed to buyer 1 (VIP, inviter 2, grand-inviter 3), 1000 fen split 500/100/50/350, all pending. */
    private static SettlementState pending(int revision, long stateSeq) {
        return new SettlementState(true, AttributionMethod.DIRECT, new Beneficiaries(1, Level.VIP, 2L, 3L), true,
                NOV_25, new Evidence("RELATION_ID", "R1", null), new Shares(1000, 500, 100, 50, 350), Bucket.PENDING,
                new Positions(500, 0, 100, 0, 50, 0), revision, NOV_25, null, stateSeq);
    }

    @Test
    void writesANewStateAndReadsItBackWithTheLine() {
        long seq = line("L1");
        store.write(List.of(new SettlementStateStore.Row(TAOBAO, "L1", pending(1, 0), null)));

        List<SettleItem> items = store.lockAndLoad(List.of(seq));
        assertThat(items).hasSize(1);
        SettleItem item = items.get(0);
        assertThat(item.lineSeq()).isEqualTo(seq);
        assertThat(item.line().orderLineId()).isEqualTo("L1");
        assertThat(item.line().createdAt()).isEqualTo(Instant.parse("2026-11-25T05:45:12.123Z"));
        assertThat(item.refund()).isNull();
        assertThat(item.recorded()).as("no BUYER rebate record yet").isNull();
        assertThat(item.state().sameAs(pending(1, 0))).isTrue();
        assertThat(item.state().stateSeq()).isEqualTo(1);
        assertThat(item.state().attribution().locked()).isTrue();
    }

    @Test
    void anUpdateNamesTheStateItWasComputedFromAndBumpsIt() {
        long seq = line("L1");
        store.write(List.of(new SettlementStateStore.Row(TAOBAO, "L1", pending(1, 0), null)));
        SettlementState read = store.lockAndLoad(List.of(seq)).get(0).state();

        SettlementState held = new SettlementState(true, read.method(), read.beneficiaries(), read.unverified(),
                read.attributedOn(), read.decidedBy(), read.shares(), read.bucket(), read.posted(), read.revision(),
                NOV_25.plusDays(1), "no rule set in force on 2026-11-25", 0);
        store.write(List.of(new SettlementStateStore.Row(TAOBAO, "L1", held, read)));

        SettlementState now = store.lockAndLoad(List.of(seq)).get(0).state();
        assertThat(now.heldReason()).isEqualTo("no rule set in force on 2026-11-25");
        assertThat(now.settledOn()).isEqualTo(NOV_25.plusDays(1));
        assertThat(now.stateSeq()).isEqualTo(2);
    }

    @Test
    void aStateComputedFromAStaleOneIsRefused() {
        long seq = line("L1");
        store.write(List.of(new SettlementStateStore.Row(TAOBAO, "L1", pending(1, 0), null)));
        SettlementState read = store.lockAndLoad(List.of(seq)).get(0).state();
        store.write(List.of(new SettlementStateStore.Row(TAOBAO, "L1", pending(2, 0), read)));

        // A second writer computed from the same read (state_seq 1) after the first one wrote (now 2).
        assertThatThrownBy(() -> store.write(List.of(new SettlementStateStore.Row(TAOBAO, "L1", pending(3, 0), read))))
                .isInstanceOf(StaleSettlementException.class)
                .hasMessageContaining("TAOBAO line L1 changed since it was read (state_seq 1)");
        assertThat(store.lockAndLoad(List.of(seq)).get(0).state().revision()).isEqualTo(2);
    }

    @Test
    void aSecondFirstWriteOfOneLineIsRefused() {
        line("L1");
        store.write(List.of(new SettlementStateStore.Row(TAOBAO, "L1", pending(1, 0), null)));

        assertThatThrownBy(() -> store.write(List.of(new SettlementStateStore.Row(TAOBAO, "L1", pending(1, 0), null))))
                .isInstanceOf(StaleSettlementException.class)
                .hasMessageContaining("another writer settled one of these lines first");
    }

    @Test
    void linesAreLoadedInLineSeqOrderWithTheirRefundAndRecordedFields() {
        long first = line("L1");
        long second = line("L2");
        jdbc.update("INSERT INTO refund_snapshot (platform, order_line_id, refund_status, refund_fen, modified_at,"
                + " source) VALUES ('TAOBAO', 'L2', 2, 300, '2026-11-30 02:00:00', 'r.csv:2')");
        jdbc.update("INSERT INTO rebate_record (platform, order_line_id, role, user_id, buyer_id, status, amount_fen,"
                + " item_title, created_at, settled_at) VALUES ('TAOBAO', 'L2', 'BUYER', 1, 1, 'PENDING', 500,"
                + " '旧标题', '2026-11-25 05:45:12.123', NULL)");

        List<SettleItem> items = store.lockAndLoad(List.of(second, first));
        assertThat(items).extracting(SettleItem::lineSeq).containsExactly(first, second);
        assertThat(items.get(0).state()).isNull();
        assertThat(items.get(1).refund().refundFen()).isEqualTo(300);
        assertThat(items.get(1).recorded()).isEqualTo(new SettleItem.LineFields("旧标题",
                Instant.parse("2026-11-25T05:45:12.123Z"), null));
        assertThat(store.lockAndLoad(List.of())).isEmpty();
    }
}
