package io.rebatch.readers.appdata;

import io.rebatch.domain.pdd.PddRules;
import io.rebatch.domain.BindingKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.Attribution;
import io.rebatch.domain.BadInputException;
import io.rebatch.domain.BusinessTime;
import io.rebatch.domain.Level;
import io.rebatch.domain.Platform;
import io.rebatch.domain.PlausibleTimes;
import io.rebatch.readers.report.Fixtures;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §9 for the app's files: ids a spreadsheet damaged, out-of-range ids, over-long values, implausible times,
 * self-invitation, UTF-16 files, wrong headers and empty files. A bad record never stops the file.
 */
class AppDataValidationTest {
    @TempDir
    Path dir;

    static final String SPREADSHEET = ": the file was probably re-saved by a spreadsheet; export it again from the app";
    static final PlausibleTimes TO_DEC_2026 = new PlausibleTimes(
            BusinessTime.startOf(LocalDate.of(2015, 1, 1)), BusinessTime.startOf(LocalDate.of(2026, 12, 3)));

    private static <T> List<AppDataRow<T>> readAll(AppDataCursor<T> cursor) {
        try (cursor) {
            List<AppDataRow<T>> rows = new ArrayList<>();
            cursor.forEachRemaining(rows::add);
            return rows;
        }
    }

    private static String reason(AppDataRow<?> row) {
        assertThat(row).isInstanceOf(AppDataRow.Rejected.class);
        String reason = ((AppDataRow.Rejected<?>) row).reason();
        assertThat(reason).doesNotContain("\n");
        return reason;
    }

    private Path write(String name, String content) {
        return Fixtures.write(dir, name, content, StandardCharsets.UTF_8);
    }

    /** users.csv with the bad record between two good ones; the bad record's reason. */
    private String userReason(PlausibleTimes times, String bad) {
        List<AppDataRow<UserRow>> rows = readAll(UsersCsv.open(write("users.csv", "user_id,level,inviter_id,registered_at\n"
                + "1,NORMAL,,2025-06-01T00:00:00+08:00\n" + bad + "\n" + "2,VIP,1,2025-06-01T00:00:00+08:00\n"), times));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isInstanceOf(AppDataRow.Loaded.class);
        assertThat(rows.get(2)).isEqualTo(new AppDataRow.Loaded<>("users.csv", 4,
                new UserRow(2, Level.VIP, 1L, Instant.parse("2025-05-31T16:00:00Z"))));
        assertThat(rows.get(1).lineNo()).isEqualTo(3);
        return reason(rows.get(1));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "7,VIP,7,2025-06-01T00:00:00+08:00                      | user 7 cannot invite themselves",
            "2.40891E+05,VIP,,2025-06-01T00:00:00+08:00             | user_id '2.40891E+05' is in scientific notation" + SPREADSHEET,
            "2.40891e5,VIP,,2025-06-01T00:00:00+08:00               | user_id '2.40891e5' is in scientific notation" + SPREADSHEET,
            "240891.0,VIP,,2025-06-01T00:00:00+08:00                | user_id '240891.0' has a fractional part" + SPREADSHEET,
            "12.5,VIP,,2025-06-01T00:00:00+08:00                    | user_id '12.5' has a fractional part" + SPREADSHEET,
            "9,VIP,9.88598E+05,2025-06-01T00:00:00+08:00            | inviter_id '9.88598E+05' is in scientific notation" + SPREADSHEET,
            "9,VIP,988598.0,2025-06-01T00:00:00+08:00               | inviter_id '988598.0' has a fractional part" + SPREADSHEET,
            "99999999999999999999,VIP,,2025-06-01T00:00:00+08:00    | user_id 99999999999999999999 is out of range (at most 9223372036854775807)",
            "9,VIP,-3,2025-06-01T00:00:00+08:00                     | inviter_id -3 is not a positive id",
            "9,VIP,,1970-01-01T00:00:00Z                            | registered_at 1970-01-01 08:00:00 is outside the plausible range 2015-01-01 .. 2026-12-03",
            "9,VIP,,2099-01-01T00:00:00+08:00                       | registered_at 2099-01-01 00:00:00 is outside the plausible range 2015-01-01 .. 2026-12-03"})
    void badUsers(String record, String reason) {
        assertThat(userReason(TO_DEC_2026, record)).isEqualTo(reason);
    }

    @Test
    void withoutARangeOldRegistrationsAreRead() {
        Path file = write("users.csv", "user_id,level,inviter_id,registered_at\n9,VIP,,1970-01-01T00:00:00Z\n");
        assertThat(readAll(UsersCsv.open(file))).singleElement().isInstanceOf(AppDataRow.Loaded.class);
    }

    private String clickReason(PlausibleTimes times, String bad) {
        String good = "10000158,379267,TAOBAO,212338122278,25887780222,2026-10-26T10:28:23+00:00";
        List<AppDataRow<Attribution.Click>> rows = readAll(ClicksCsv.open(write("clicks.csv",
                "click_id,user_id,platform,item_id,pid,clicked_at\n" + good + "\n" + bad + "\n" + good + "\n"), times));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isInstanceOf(AppDataRow.Loaded.class);
        assertThat(rows.get(2)).isInstanceOf(AppDataRow.Loaded.class);
        return reason(rows.get(1));
    }

    @Test
    void badClicks() {
        String pid100 = "5".repeat(100);
        assertThat(clickReason(TO_DEC_2026, "1,2,TAOBAO,212338122278," + pid100 + ",2026-10-26T10:28:23+00:00"))
                .isEqualTo("pid is 100 characters long; at most 64 allowed");
        assertThat(clickReason(TO_DEC_2026, "1,2,TAOBAO," + "5".repeat(200) + ",1,2026-10-26T10:28:23+00:00"))
                .isEqualTo("item_id is 200 characters long; at most 128 allowed");
        assertThat(clickReason(TO_DEC_2026, "1.0000158E+07,2,TAOBAO,212338122278,1,2026-10-26T10:28:23+00:00"))
                .isEqualTo("click_id '1.0000158E+07' is in scientific notation" + SPREADSHEET);
        assertThat(clickReason(TO_DEC_2026, "1,2,TAOBAO,2.12338122278E+11,1,2026-10-26T10:28:23+00:00"))
                .isEqualTo("item_id '2.12338122278E+11' is in scientific notation" + SPREADSHEET);
        assertThat(clickReason(TO_DEC_2026, "1,2,TAOBAO,212338122278,1,2099-10-26T10:28:23+08:00"))
                .isEqualTo("clicked_at 2099-10-26 10:28:23 is outside the plausible range 2015-01-01 .. 2026-12-03");
        assertThat(clickReason(TO_DEC_2026, "1,2,TAOBAO,212338122278,1,1970-01-01T00:00:00Z"))
                .isEqualTo("clicked_at 1970-01-01 08:00:00 is outside the plausible range 2015-01-01 .. 2026-12-03");
        // an encrypted Taobao item id and a PDD p_id are ids, not numbers
        assertThat(readAll(ClicksCsv.open(write("c.csv", "click_id,user_id,platform,item_id,pid,clicked_at\n"
                + "1,2,PDD,nXtQUotkQRC0tP-d2qOpq7TnymanG2vUn,240009_44622411,2026-10-26T10:28:23+00:00\n"), TO_DEC_2026)))
                .singleElement().isInstanceOf(AppDataRow.Loaded.class);
    }

    @Test
    void badBindings() {
        String csv = "platform,kind,value,user_id\n"
                + "JD,SUB_UNION_ID," + "u".repeat(200) + ",1\n"
                + "TAOBAO,RELATION_ID,9.038553168E+09,2\n"
                + "TAOBAO,SPECIAL_ID,9038553168.0,3\n"
                + "PDD,CUSTOM_PARAMETERS_UID,1e5,4\n"
                + "JD,SUB_UNION_ID," + "u".repeat(128) + ",5\n"
                + "TAOBAO,RELATION_ID,9038553168,6.0\n";
        List<AppDataRow<BindingRow>> rows = readAll(BindingsCsv.open(write("bindings.csv", csv)));
        assertThat(rows).hasSize(6);
        assertThat(reason(rows.get(0))).isEqualTo("value is 200 characters long; at most 128 allowed");
        assertThat(reason(rows.get(1))).isEqualTo("value '9.038553168E+09' is in scientific notation" + SPREADSHEET);
        assertThat(reason(rows.get(2))).isEqualTo("value '9038553168.0' has a fractional part" + SPREADSHEET);
        // the app's own tracking text is free: 1e5 is a uid, not a number
        assertThat(rows.get(3)).isEqualTo(new AppDataRow.Loaded<>("bindings.csv", 5,
                new BindingRow(Platform.PDD, PddRules.CUSTOM_PARAMETERS_UID, "1e5", 4)));
        assertThat(rows.get(4)).isInstanceOf(AppDataRow.Loaded.class);
        assertThat(reason(rows.get(5))).isEqualTo("user_id '6.0' has a fractional part" + SPREADSHEET);
    }

    static byte[] utf16(String text, boolean littleEndian, boolean bom) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(littleEndian ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF});
        }
        out.writeBytes(text.getBytes(littleEndian ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0} LE={1} BOM={2}")
    @CsvSource({
            "users.csv,    true,  true", "users.csv,    false, true", "users.csv,    true,  false",
            "bindings.csv, true,  true", "bindings.csv, false, false",
            "clicks.csv,   true,  true", "clicks.csv,   false, true", "clicks.csv,   true,  false"})
    void utf16FilesFailFast(String name, boolean littleEndian, boolean bom) {
        String content = switch (name) {
            case "users.csv" -> "user_id,level,inviter_id,registered_at\n1,NORMAL,,2025-06-01T00:00:00+08:00\n";
            case "bindings.csv" -> "platform,kind,value,user_id\nJD,SUB_UNION_ID,rb1,1\n";
            default -> "click_id,user_id,platform,item_id,pid,clicked_at\n1,2,JD,3,4,2026-10-26T10:28:23+00:00\n";
        };
        Path file = Fixtures.writeBytes(dir, name, utf16(content, littleEndian, bom));
        Function<Path, AppDataCursor<?>> open = switch (name) {
            case "users.csv" -> UsersCsv::open;
            case "bindings.csv" -> BindingsCsv::open;
            default -> ClicksCsv::open;
        };
        assertThatThrownBy(() -> readAll(open.apply(file))).isInstanceOf(BadInputException.class)
                .hasMessage(name + " is UTF-16 encoded" + (bom ? "" : " (it is full of NUL bytes)") + "; save it as UTF-8 or GB18030");
    }

    @Test
    void missingColumnsAreNamedOnOneLine() {
        assertThatThrownBy(() -> UsersCsv.open(write("users.csv", "user_id,level,registered_at\n1,VIP,2025-06-01T00:00:00Z\n")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("users.csv: the header row lacks required column(s) [inviter_id];"
                        + " expected user_id,level,inviter_id,registered_at, found user_id,level,registered_at");
        assertThatThrownBy(() -> ClicksCsv.open(write("clicks.csv", "click_id,user_id,platform,item_id,pid,clicked_at,extra\n")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("clicks.csv: the header row has unexpected column(s) [extra];"
                        + " expected click_id,user_id,platform,item_id,pid,clicked_at, found click_id,user_id,platform,item_id,pid,clicked_at,extra");
        assertThatThrownBy(() -> BindingsCsv.open(write("bindings.csv", "platform,kind,value\r\nJD,SUB_UNION_ID,rb1\r\n")))
                .isInstanceOf(BadInputException.class)
                .hasMessage("bindings.csv: the header row lacks required column(s) [user_id];"
                        + " expected platform,kind,value,user_id, found platform,kind,value");
    }

    @Test
    void emptyFilesYieldNoRecords() {
        for (String content : new String[] {"", "\n", "\uFEFF\r\n"}) {
            assertThat(readAll(UsersCsv.open(write("users.csv", content)))).isEmpty();
            assertThat(readAll(BindingsCsv.open(write("bindings.csv", content)))).isEmpty();
            assertThat(readAll(ClicksCsv.open(write("clicks.csv", content)))).isEmpty();
        }
        assertThat(readAll(UsersCsv.open(write("users.csv", "user_id,level,inviter_id,registered_at\n")))).isEmpty();
    }
}
