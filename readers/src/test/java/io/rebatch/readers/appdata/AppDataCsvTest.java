package io.rebatch.readers.appdata;

import io.rebatch.domain.jd.JdRules;
import io.rebatch.domain.taobao.TaobaoRules;
import io.rebatch.domain.pdd.PddRules;
import io.rebatch.domain.BindingKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.Attribution;
import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Level;
import io.rebatch.domain.Platform;
import io.rebatch.readers.report.Fixtures;
import io.rebatch.readers.report.TextLines;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** users.csv, bindings.csv and clicks.csv: the samples, bad records, and wrong headers. */
class AppDataCsvTest {
    @TempDir
    Path dir;

    private static <T> List<AppDataRow<T>> readAll(AppDataCursor<T> cursor) {
        try (cursor) {
            List<AppDataRow<T>> rows = new ArrayList<>();
            cursor.forEachRemaining(rows::add);
            return rows;
        }
    }

    private static <T> T value(AppDataRow<T> row) {
        assertThat(row).isInstanceOf(AppDataRow.Loaded.class);
        return ((AppDataRow.Loaded<T>) row).value();
    }

    private static String reason(AppDataRow<?> row) {
        assertThat(row).isInstanceOf(AppDataRow.Rejected.class);
        return ((AppDataRow.Rejected<?>) row).reason();
    }

    @Test
    void sampleUsers() {
        List<AppDataRow<UserRow>> rows = readAll(UsersCsv.open(Fixtures.sampleIn("users-1.csv")));
        assertThat(rows).hasSize(40).allMatch(r -> r instanceof AppDataRow.Loaded);
        assertThat(rows.get(0).lineNo()).isEqualTo(2);
        assertThat(rows.get(0).source()).isEqualTo("users-1.csv");
        // 240891,VIP,,2025-05-31T16:00:00+00:00
        assertThat(value(rows.get(0))).isEqualTo(new UserRow(240891, Level.VIP, null, Instant.parse("2025-05-31T16:00:00Z")));
        // 941235,VIP,988598,2025-06-01T00:00:00+08:00 — the same instant written with another offset
        assertThat(value(rows.get(3))).isEqualTo(new UserRow(941235, Level.VIP, 988598L, Instant.parse("2025-05-31T16:00:00Z")));
        assertThat(value(rows.get(3)).toUser()).isEqualTo(new Attribution.User(941235, Level.VIP, 988598L));
        assertThat(readAll(UsersCsv.open(Fixtures.sampleIn("users-2.csv")))).hasSize(45).allMatch(r -> r instanceof AppDataRow.Loaded);
    }

    @Test
    void sampleBindingsAndClicks() {
        List<AppDataRow<BindingRow>> bindings = readAll(BindingsCsv.open(Fixtures.sampleIn("bindings-1.csv")));
        assertThat(bindings).hasSize(78).allMatch(r -> r instanceof AppDataRow.Loaded);
        assertThat(value(bindings.get(0))).isEqualTo(new BindingRow(Platform.TAOBAO, TaobaoRules.RELATION_ID, "9038553168", 240891));
        assertThat(value(bindings.get(22))).isEqualTo(new BindingRow(Platform.TAOBAO, TaobaoRules.SPECIAL_ID, "8250720004", 988598));
        assertThat(value(bindings.get(30))).isEqualTo(new BindingRow(Platform.JD, JdRules.SUB_UNION_ID, "rbb0894f5a", 696853));
        assertThat(readAll(BindingsCsv.open(Fixtures.sampleIn("bindings-2.csv")))).hasSize(20);

        List<AppDataRow<Attribution.Click>> clicks = readAll(ClicksCsv.open(Fixtures.sampleIn("clicks-1.csv")));
        assertThat(clicks).hasSize(141).allMatch(r -> r instanceof AppDataRow.Loaded);
        assertThat(value(clicks.get(0))).isEqualTo(new Attribution.Click(10000158, 379267, Platform.TAOBAO, "212338122278",
                "25887780222", Instant.parse("2026-10-26T10:28:23Z")));
        // a duplicate click id written in two offsets: both rows come through, the same instant
        assertThat(value(clicks.get(1)).clickedAt()).isEqualTo(value(clicks.get(3)).clickedAt())
                .isEqualTo(Instant.parse("2026-11-18T03:08:39Z"));
        assertThat(value(clicks.get(1)).itemId()).isEqualTo("j-gQb62O2aP4kLyPekL1b9N4Pc-M9eP26");
        assertThat(readAll(ClicksCsv.open(Fixtures.sampleIn("clicks-2.csv")))).hasSize(8);
    }

    @Test
    void badUserRecords() {
        String csv = """
                user_id,level,inviter_id,registered_at
                1,NORMAL,,2025-06-01T00:00:00+08:00
                0,VIP,,2025-06-01T00:00:00+08:00
                2,GOLD,,2025-06-01T00:00:00+08:00
                3,VIP,3,2025-06-01T00:00:00+08:00
                4,VIP,x,2025-06-01T00:00:00+08:00
                5,VIP,,2025-06-01 00:00:00
                6,SVIP,1,2025-06-01T00:00:00Z
                """;
        List<AppDataRow<UserRow>> rows = readAll(UsersCsv.open(Fixtures.write(dir, "users.csv", csv, StandardCharsets.UTF_8)));
        assertThat(rows).hasSize(7);
        assertThat(value(rows.get(0)).level()).isEqualTo(Level.NORMAL);
        assertThat(rows.get(1)).isEqualTo(new AppDataRow.Rejected<UserRow>("users.csv", 3, "0,VIP,,2025-06-01T00:00:00+08:00",
                "user_id 0 is not a positive id"));
        assertThat(reason(rows.get(2))).isEqualTo("level 'GOLD' is not NORMAL, VIP or SVIP");
        assertThat(reason(rows.get(3))).isEqualTo("user 3 cannot invite themselves");
        assertThat(reason(rows.get(4))).isEqualTo("inviter_id 'x' is not a whole number");
        assertThat(reason(rows.get(5))).isEqualTo(
                "registered_at '2025-06-01 00:00:00' is not an ISO-8601 time with offset (e.g. 2026-11-01T08:00:00+08:00)");
        assertThat(value(rows.get(6))).isEqualTo(new UserRow(6, Level.SVIP, 1L, Instant.parse("2025-06-01T00:00:00Z")));
    }

    @Test
    void bindingKindMustBelongToItsPlatform() {
        String csv = "platform,kind,value,user_id\r\n"
                + "JD,RELATION_ID,123,1\r\n"
                + "PDD,CUSTOM_PARAMETERS_UID,06bf4cc645,2\r\n"
                + "TAOBAO,SUB_UNION_ID,rb1,3\r\n"
                + "AMAZON,RELATION_ID,1,4\r\n"
                + "TAOBAO,CHANNEL,1,5\r\n"
                + "TAOBAO,RELATION_ID,,6\r\n"
                + "taobao,RELATION_ID,\t9038553168,7\r\n";
        List<AppDataRow<BindingRow>> rows = readAll(BindingsCsv.open(Fixtures.write(dir, "bindings.csv", csv, StandardCharsets.UTF_8)));
        assertThat(reason(rows.get(0))).isEqualTo("kind RELATION_ID belongs to TAOBAO, not to platform JD");
        assertThat(value(rows.get(1))).isEqualTo(new BindingRow(Platform.PDD, PddRules.CUSTOM_PARAMETERS_UID, "06bf4cc645", 2));
        assertThat(reason(rows.get(2))).isEqualTo("kind SUB_UNION_ID belongs to JD, not to platform TAOBAO");
        assertThat(reason(rows.get(3))).isEqualTo("platform: unknown platform 'AMAZON' (expected taobao, jd or pdd)");
        assertThat(reason(rows.get(4))).isEqualTo("kind 'CHANNEL' is not RELATION_ID, SPECIAL_ID, SUB_UNION_ID or CUSTOM_PARAMETERS_UID");
        assertThat(reason(rows.get(5))).isEqualTo("value is missing");
        assertThat(value(rows.get(6))).isEqualTo(new BindingRow(Platform.TAOBAO, TaobaoRules.RELATION_ID, "9038553168", 7));
    }

    @Test
    void badClickRecordsAndGb18030() {
        String csv = "click_id,user_id,platform,item_id,pid,clicked_at\n"
                + "10000158,379267,TAOBAO,212338122278,25887780222,2026-10-26T10:28:23+00:00\n"
                + "-5,379267,TAOBAO,212338122278,25887780222,2026-10-26T10:28:23+00:00\n"
                + "10000159,379267,JD,,25887780222,2026-10-26T10:28:23+00:00\n"
                + "10000160,379267,PDD,123,,2026-10-26T10:28:23+00:00\n"
                + "10000161,379267,PDD,123,974264_69294029,昨天\n";
        List<AppDataRow<Attribution.Click>> rows = readAll(ClicksCsv.open(Fixtures.write(dir, "clicks.csv", csv, TextLines.GB18030)));
        assertThat(rows).hasSize(5);
        assertThat(value(rows.get(0)).clickId()).isEqualTo(10000158);
        assertThat(reason(rows.get(1))).isEqualTo("click_id -5 is not a positive id");
        assertThat(reason(rows.get(2))).isEqualTo("item_id is missing");
        assertThat(reason(rows.get(3))).isEqualTo("pid is missing");
        assertThat(reason(rows.get(4))).isEqualTo(
                "clicked_at '昨天' is not an ISO-8601 time with offset (e.g. 2026-11-01T08:00:00+08:00)");
    }

    @Test
    void wrongHeadersFailTheWholeFile() {
        Path noHeader = Fixtures.write(dir, "users.csv", "240891,VIP,,2025-05-31T16:00:00+00:00\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> UsersCsv.open(noHeader)).isInstanceOf(BadInputException.class)
                .hasMessage("users.csv: the header row lacks required column(s) [user_id, level, inviter_id, registered_at];"
                        + " expected user_id,level,inviter_id,registered_at, found 240891,VIP,,2025-05-31T16:00:00+00:00");
        Path clicksAsBindings = Fixtures.write(dir, "b.csv", "click_id,user_id,platform,item_id,pid,clicked_at\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> BindingsCsv.open(clicksAsBindings)).isInstanceOf(BadInputException.class)
                .hasMessage("b.csv: the header row lacks required column(s) [kind, value];"
                        + " expected platform,kind,value,user_id, found click_id,user_id,platform,item_id,pid,clicked_at");
        // columns in another order are fine
        Path reordered = Fixtures.write(dir, "c.csv", "user_id,click_id,platform,item_id,pid,clicked_at\n"
                + "379267,10000158,TAOBAO,212338122278,25887780222,2026-10-26T10:28:23+00:00\n", StandardCharsets.UTF_8);
        assertThat(value(readAll(ClicksCsv.open(reordered)).get(0)))
                .isEqualTo(new Attribution.Click(10000158, 379267, Platform.TAOBAO, "212338122278", "25887780222",
                        Instant.parse("2026-10-26T10:28:23Z")));
    }
}
