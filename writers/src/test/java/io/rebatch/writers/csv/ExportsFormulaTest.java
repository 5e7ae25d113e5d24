package io.rebatch.writers.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** SPEC 10: text a spreadsheet would run as a formula gets a leading {@code '}; ids and amounts never change. */
class ExportsFormulaTest {
    @Test
    void textStartingWithAFormulaCharacterGetsALeadingQuote() {
        assertThat(Exports.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(Exports.text("+1+2")).isEqualTo("'+1+2");
        assertThat(Exports.text("-2+3")).isEqualTo("'-2+3");
        assertThat(Exports.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Exports.text("\tcmd")).isEqualTo("'\tcmd");
        assertThat(Exports.text("\rcmd")).isEqualTo("'\rcmd");
    }

    @Test
    void ordinaryTextAndEmptyFieldsStayAsTheyAre() {
        assertThat(Exports.text("bad amount 'abc'")).isEqualTo("bad amount 'abc'");
        assertThat(Exports.text("a=b")).isEqualTo("a=b");
        assertThat(Exports.text("")).isEmpty();
        assertThat(Exports.text(null)).isEmpty();
    }

    @Test
    void idsAndAmountsAreNeverAltered() throws Exception {
        assertThat(Exports.id("-12")).isEqualTo("-12");
        StringWriter w = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
            // the way Exports prints a row: amounts as numbers, ids as stored, text neutralised
            csv.printRecord(Exports.text("=cmd"), Exports.id("4711"), -120L, 0L, Exports.text("line 1\n-2"));
        }
        assertThat(w.toString()).isEqualTo("'=cmd,4711,-120,0,\"line 1\n-2\"\r\n");
    }
}
