package io.rebatch.writers.tier;

import static org.assertj.core.api.Assertions.assertThat;

import io.rebatch.writers.OnFullSchema;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The close-month query on the real tables: S counts the buyer amounts of lines SETTLED inside month M's Shanghai
 * days only, beside what {@code tier_bonus} says is posted for M; the upsert replaces a buyer's row of M.
 */
class TierBonusStoreTest extends OnFullSchema {
    private final TierBonusStore store = new TierBonusStore(jdbc);

    /** A line of buyer {@code buyer} worth {@code buyerFen}, in {@code status}, settled at {@code settledAtUtc}. */
    private void line(String id, String status, String settledAtUtc, long buyer, long buyerFen) {
        jdbc.update("INSERT INTO order_line (platform, order_line_id, item_id, quantity, paid_amount_fen,"
                + " commission_rate_bps, estimated_income_fen, settled_income_fen, status, status_rank, created_at,"
                + " paid_at, settled_at, modified_at, source) VALUES ('JD', ?, 'I1', 1, 10000, 1000, 1000, 1000, ?, 3,"
                + " '2026-10-01 00:00:00', '2026-10-01 00:00:00', ?, '2026-12-01 00:00:00', 't.csv:2')",
                id, status, settledAtUtc);
        jdbc.update("INSERT INTO line_settlement (platform, order_line_id, tried, method, buyer_id, buyer_level,"
                + " unverified, income_fen, buyer_fen, inviter_fen, grand_inviter_fen, margin_fen, bucket,"
                + " buyer_pending_fen, buyer_available_fen, inviter_pending_fen, inviter_available_fen,"
                + " grand_pending_fen, grand_available_fen, revision, settled_on) VALUES ('JD', ?, 1, 'DIRECT', ?,"
                + " 'VIP', 0, 1000, ?, 0, 0, 0, 'AVAILABLE', 0, ?, 0, 0, 0, 0, 1, '2026-12-01')",
                id, buyer, buyerFen, buyerFen);
    }

    private List<TierItem> read(String month) {
        return jdbc.query(TierBonusStore.SETTLED_AND_POSTED, TierBonusStore.of(YearMonth.parse(month)),
                TierBonusStore.ITEMS);
    }

    @Test
    void sumsTheBuyerAmountsSettledInTheMonthsShanghaiDaysBesideWhatIsPosted() {
        line("in-first-second", "SETTLED", "2026-10-31 16:00:00", 7, 500);   // 2026-11-01 00:00 Shanghai
        line("in-last-second", "SETTLED", "2026-11-30 15:59:59.999", 7, 250); // 2026-11-30 23:59:59.999 Shanghai
        line("december", "SETTLED", "2026-11-30 16:00:00", 7, 4000);          // 2026-12-01 00:00 Shanghai
        line("october", "SETTLED", "2026-10-31 15:59:59.999", 7, 8000);
        line("not-settled", "RECEIVED", "2026-11-15 00:00:00", 7, 16000);
        line("other-buyer", "SETTLED", "2026-11-15 00:00:00", 9, 100);
        store.upsert(List.of(new TierBonusStore.Row(9, "2026-11", 900, 30, 2),
                new TierBonusStore.Row(11, "2026-11", 5000, 100, 1),
                new TierBonusStore.Row(7, "2026-10", 8000, 160, 1)));

        assertThat(read("2026-11")).containsExactly(new TierItem(7, 750, 0, 0), new TierItem(9, 100, 30, 2),
                new TierItem(11, 0, 100, 1));
    }

    @Test
    void theUpsertReplacesABuyersRowOfTheMonth() {
        store.upsert(List.of(new TierBonusStore.Row(7, "2026-11", 120000, 2400, 1)));
        store.upsert(List.of(new TierBonusStore.Row(7, "2026-11", 90000, 1800, 2)));

        assertThat(jdbc.queryForList("SELECT user_id, bonus_month, settled_buyer_fen, bonus_fen, revision"
                + " FROM tier_bonus")).singleElement().satisfies(row -> assertThat(row.values())
                        .containsExactly(7L, "2026-11", 90000L, 1800L, 2));
    }
}
