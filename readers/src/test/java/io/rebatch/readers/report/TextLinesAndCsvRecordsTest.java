package io.rebatch.readers.report;

import static io.rebatch.readers.report.Fixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rebatch.domain.BadInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Line splitting, encoding detection and CSV record assembly. */
class TextLinesAndCsvRecordsTest {
    @TempDir
    Path dir;

    private static List<TextLines.Line> lines(Path file) {
        try (TextLines t = TextLines.open(file, null)) {
            List<TextLines.Line> out = new ArrayList<>();
            for (TextLines.Line l = t.next(); l != null; l = t.next()) {
                out.add(l);
            }
            return out;
        }
    }

    @Test
    void lineEndingsAndLastLineWithoutNewline() {
        Path f = write(dir, "a.txt", "a\r\nb\n\nc", StandardCharsets.UTF_8);
        assertThat(lines(f)).containsExactly(new TextLines.Line(1, "a", null), new TextLines.Line(2, "b", null),
                new TextLines.Line(3, "", null), new TextLines.Line(4, "c", null));
        assertThat(lines(write(dir, "b.txt", "x\n", StandardCharsets.UTF_8))).containsExactly(new TextLines.Line(1, "x", null));
        assertThat(lines(write(dir, "c.txt", "", StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void encodingIsDecidedByTheFirstNonAsciiLine() {
        try (TextLines t = TextLines.open(write(dir, "gb.csv", "id,name\n1,已结算\n2,订单成功\n", TextLines.GB18030), null)) {
            assertThat(t.next().text()).isEqualTo("id,name");
            assertThat(t.charset()).isNull(); // plain ASCII so far
            assertThat(t.next().text()).isEqualTo("1,已结算");
            assertThat(t.charset()).isEqualTo(TextLines.GB18030);
            assertThat(t.next().text()).isEqualTo("2,订单成功");
        }
        try (TextLines t = TextLines.open(write(dir, "bom.csv", "\uFEFFid\n已结算\n", StandardCharsets.UTF_8), null)) {
            assertThat(t.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(t.next().text()).isEqualTo("id"); // BOM dropped
            assertThat(t.next().text()).isEqualTo("已结算");
        }
    }

    @Test
    void aGb18030LineInAUtf8FileIsAnErrorOfThatLineOnly() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("已付款\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes("已付款\n".getBytes(TextLines.GB18030));
        out.writeBytes("ok\n".getBytes(StandardCharsets.UTF_8));
        List<TextLines.Line> l = lines(Fixtures.writeBytes(dir, "mixed.txt", out.toByteArray()));
        assertThat(l.get(0)).isEqualTo(new TextLines.Line(1, "已付款", null));
        assertThat(l.get(1).error()).isEqualTo("line 2 is not valid UTF-8 text (the file's encoding was detected as UTF-8 on line 1)");
        assertThat(l.get(2)).isEqualTo(new TextLines.Line(3, "ok", null));
    }

    @Test
    void bytesValidInNeitherEncoding() {
        List<TextLines.Line> l = lines(Fixtures.writeBytes(dir, "junk.txt", new byte[] {'a', (byte) 0xFF, (byte) 0x80, '\n', 'b'}));
        assertThat(l.get(0).error()).isEqualTo("line 1 is neither valid UTF-8 nor valid GB18030 text");
        assertThat(l.get(1)).isEqualTo(new TextLines.Line(2, "b", null));
    }

    @Test
    void longLinesAcrossBufferBoundaries() {
        String longLine = "x".repeat(200_000);
        List<TextLines.Line> l = lines(write(dir, "long.txt", longLine + "\n" + longLine + "y\n", StandardCharsets.UTF_8));
        assertThat(l).hasSize(2);
        assertThat(l.get(0).text()).isEqualTo(longLine);
        assertThat(l.get(1).text()).hasSize(200_001).endsWith("y");
    }

    @Test
    void csvRecordsKeepRawTextAndStartLine() {
        String text = "a,b,c\r\n1,\"two\r\nlines\",3\r\n\r\n4,\"quote \"\"x\"\"\",6\r\n7,8\r\n9,\"x\"y,10\r\n";
        try (CsvRecords csv = CsvRecords.open(write(dir, "r.csv", text, StandardCharsets.UTF_8), null)) {
            assertThat(csv.header()).containsExactly("a", "b", "c");
            assertThat(csv.next()).isEqualTo(new CsvRecords.Row("r.csv", 2, "1,\"two\nlines\",3", List.of("1", "two\nlines", "3"), null));
            assertThat(csv.next()).isEqualTo(new CsvRecords.Row("r.csv", 5, "4,\"quote \"\"x\"\"\",6", List.of("4", "quote \"x\"", "6"), null));
            assertThat(csv.next()).isEqualTo(new CsvRecords.Row("r.csv", 6, "7,8", null, "record has 2 fields but the header has 3"));
            CsvRecords.Row malformed = csv.next();
            assertThat(malformed.lineNo()).isEqualTo(7);
            assertThat(malformed.error()).startsWith("record is not valid CSV: ");
            assertThat(csv.next()).isNull();
        }
    }

    @Test
    void emptyCsvHasNoHeaderAndNoRecords() {
        // whether an empty file is acceptable is the caller's decision, not the reader's
        for (String content : new String[] {"", "\r\n", "\uFEFF\n\n"}) {
            try (CsvRecords csv = CsvRecords.open(write(dir, "empty.csv", content, StandardCharsets.UTF_8), null)) {
                assertThat(csv.isEmpty()).isTrue();
                assertThat(csv.header()).isEmpty();
                csv.requireColumns(List.of("a"));
                assertThat(csv.next()).isNull();
            }
        }
    }
}
