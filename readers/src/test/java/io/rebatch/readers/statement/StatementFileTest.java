package io.rebatch.readers.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import io.rebatch.domain.Platform;
import io.rebatch.domain.statement.Statement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementFileTest {
    static final YearMonth NOV = YearMonth.of(2026, 11);

    @TempDir
    Path dir;

    Path file(String name, String... lines) throws IOException {
        return file(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    Path file(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    @Test
    void totalsOfSeveralPlatformsAndFilesAddUp() throws IOException {
        Statement s = StatementFile.read(NOV, List.of(
                file("a.csv", "platform,month,settled_income_fen,line_count", "taobao,2026-11,123456,7", "JD,2026-11,0,0"),
                file("b.csv", "platform,month,settled_income_fen,line_count", "", " Taobao , 2026-11 , 4 , 1 ")));
        assertThat(s.month()).isEqualTo(NOV);
        assertThat(s.total(Platform.TAOBAO)).contains(new Statement.Total(123460, 8));
        assertThat(s.total(Platform.JD)).contains(new Statement.Total(0, 0));
        assertThat(s.mentions(Platform.PDD)).isFalse();
        assertThat(s.details(Platform.TAOBAO)).isEmpty();
    }

    @Test
    void detailRowsInAnyColumnOrderWithABomAndOtherColumns() throws IOException {
        byte[] body = String.join("\r\n", "line_count,order_line_id,note,settled_income_fen,month,platform",
                "1,3000000001,x,150,2026-11,pdd", "1,261110-01_A,y,50,2026-11,PDD", "9,,total,200,2026-11,PDD", "")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Statement s = StatementFile.read(NOV, List.of(file("pdd.csv", withBom)));
        assertThat(s.total(Platform.PDD)).contains(new Statement.Total(200, 9));
        Statement.Details d = s.details(Platform.PDD).orElseThrow();
        assertThat(d.orderLineIds()).containsExactly("261110-01_A", "3000000001");
        assertThat(Arrays.stream(d.settledIncomeFen()).boxed()).containsExactly(50L, 150L);
        assertThat(d.sumFen()).isEqualTo(200);
    }

    @Test
    void aFileWithoutTheColumnsIsNotAStatement() throws IOException {
        Path f = file("orders.csv", "platform,month,income", "TAOBAO,2026-11,5");
        assertThatThrownBy(() -> StatementFile.read(NOV, List.of(f))).isInstanceOf(BadInputException.class)
                .hasMessage("orders.csv is not a statement file: its header must hold "
                        + "platform,month,settled_income_fen,line_count (found platform,month,income)");
        Path empty = file("empty.csv", new byte[0]);
        assertThatThrownBy(() -> StatementFile.read(NOV, List.of(empty))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("empty.csv is not a statement file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            another month          | TAOBAO,2026-10,100,1,         | a row of month 2026-10 in the statement of 2026-11
            bad month              | TAOBAO,2026-1,100,1,          | month '2026-1' is not YYYY-MM
            month not a month      | TAOBAO,2026-13,100,1,         | 2026-13
            unknown platform       | AMAZON,2026-11,100,1,         | unknown platform 'AMAZON' (expected taobao, jd or pdd)
            empty platform         | ,2026-11,100,1,               | unknown platform ''
            negative income        | TAOBAO,2026-11,-1,1,          | settled_income_fen '-1' is not a non-negative integer
            decimal income         | TAOBAO,2026-11,12.30,1,       | settled_income_fen '12.30' is not a non-negative integer
            scientific income      | TAOBAO,2026-11,1E3,1,         | settled_income_fen '1E3' is not a non-negative integer
            empty income           | TAOBAO,2026-11,,1,            | settled_income_fen '' is not a non-negative integer
            income too large       | TAOBAO,2026-11,1000000000001,1, | settled_income_fen 1000000000001 exceeds 1000000000000
            income far too large   | TAOBAO,2026-11,99999999999999999999,1, | exceeds 1000000000000
            negative count         | TAOBAO,2026-11,100,-3,        | line_count '-3' is not a non-negative integer
            detail count not 1     | TAOBAO,2026-11,100,2,123      | a detail row (order_line_id 123) must have line_count 1, not 2
            id with a dot          | TAOBAO,2026-11,100,1,8.21E+17 | order_line_id '8.21E+17' may hold only digits, letters, - and _
            id with a space        | TAOBAO,2026-11,100,1,12 34    | order_line_id '12 34' may hold only
            formula id             | TAOBAO,2026-11,100,1,=1+2     | order_line_id '=1+2' may hold only
            too few fields         | TAOBAO,2026-11,100            | has 3 fields, the header has 5
            """)
    void aBadRowRefusesTheFileNamingItsLine(String what, String row, String reason) throws IOException {
        Path f = file("stmt.csv", "platform,month,settled_income_fen,line_count,order_line_id",
                "JD,2026-11,5,1,", row);
        assertThatThrownBy(() -> StatementFile.read(NOV, List.of(f))).as(what).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("stmt.csv line 3: ").hasMessageContaining(reason)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anOverlongIdIsRefused() throws IOException {
        Path f = file("stmt.csv", "platform,month,settled_income_fen,line_count,order_line_id",
                "JD,2026-11,5,1," + "9".repeat(65));
        assertThatThrownBy(() -> StatementFile.read(NOV, List.of(f))).isInstanceOf(BadInputException.class)
                .hasMessage("stmt.csv line 2: order_line_id is 65 characters long; at most 64 allowed");
    }

    @Test
    void aSecondDetailRowForALineIsRefusedAlsoAcrossFilesButTheSameIdOnAnotherPlatformIsNot() throws IOException {
        Path a = file("a.csv", "platform,month,settled_income_fen,line_count,order_line_id",
                "JD,2026-11,5,1,77", "PDD,2026-11,5,1,77");
        assertThat(StatementFile.read(NOV, List.of(a)).details(Platform.PDD).map(Statement.Details::size)).contains(1);
        Path b = file("b.csv", "order_line_id,platform,month,settled_income_fen,line_count", "", "77,jd,2026-11,6,1");
        assertThatThrownBy(() -> StatementFile.read(NOV, List.of(a, b))).isInstanceOf(BadInputException.class)
                .hasMessage("b.csv line 3: a second detail row for JD order_line_id 77");
    }

    @Test
    void notUtf8IsRefusedAsAFile() throws IOException {
        byte[] gbk = "platform,month,settled_income_fen,line_count,备注\nJD,2026-11,5,1,结算\n"
                .getBytes(java.nio.charset.Charset.forName("GB18030"));
        Path f = file("gbk.csv", gbk);
        assertThatThrownBy(() -> StatementFile.read(NOV, List.of(f))).isInstanceOf(BadInputException.class)
                .hasMessage("gbk.csv is not UTF-8 text (a statement file must be UTF-8, with or without BOM)");
    }

    @Test
    void aBrokenQuoteIsRefusedWithItsLine() throws IOException {
        Path f = file("q.csv", "platform,month,settled_income_fen,line_count", "JD,2026-11,5,1", "JD,\"2026-11\"x,5,1");
        assertThatThrownBy(() -> StatementFile.read(NOV, List.of(f))).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("q.csv line 3: not valid CSV");
    }

    @Test
    void valuesInMessagesAreCutAndMasked() {
        assertThat(StatementFile.shown("a\tb", 10)).isEqualTo("a?b");
        assertThat(StatementFile.shown("x".repeat(50), 5)).isEqualTo("xxxxx…");
        assertThat(Optional.of(StatementFile.shown(null, 5))).contains("");
    }
}
