package se.samtrygg.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV format of the export and the import: what Excel needs, and nothing a spreadsheet would run. */
class ActivityCsvTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaGetAnApostropheInFront() {
        assertThat(ActivityCsv.cell("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(ActivityCsv.cell("+46 26 17 80 00")).isEqualTo("'+46 26 17 80 00");
        assertThat(ActivityCsv.cell("-1")).isEqualTo("'-1");
        assertThat(ActivityCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ActivityCsv.cell("Lugn kväll = bra")).as("only the first character counts").isEqualTo("Lugn kväll = bra");
    }

    @Test
    void separatorsQuotesAndLineBreaksAreQuoted() {
        assertThat(ActivityCsv.cell("a;b")).isEqualTo("\"a;b\"");
        assertThat(ActivityCsv.cell("sa \"hej\"")).isEqualTo("\"sa \"\"hej\"\"\"");
        assertThat(ActivityCsv.cell("rad ett\nrad två")).isEqualTo("\"rad ett\nrad två\"");
        assertThat(ActivityCsv.cell(" kant ")).isEqualTo("\" kant \"");
        assertThat(ActivityCsv.cell(null)).isEmpty();
        assertThat(ActivityCsv.line(List.of("a", "b;c", ""))).isEqualTo("a;\"b;c\";\r\n");
    }

    @Test
    void whatIsWrittenIsReadBackCellForCell() {
        List<String> cells = List.of("2027-05-14", "a;b", "sa \"hej\"", "rad ett\r\nrad två", "", "Sättra");
        String text = ActivityCsv.BOM + "rubrik\r\n" + ActivityCsv.line(cells) + ActivityCsv.line(List.of("x", "y"));
        List<List<String>> records = ActivityCsv.parse(text);
        assertThat(records).hasSize(3);
        assertThat(records.get(0)).containsExactly("rubrik");
        assertThat(records.get(1)).containsExactlyElementsOf(cells);
        assertThat(records.get(2)).containsExactly("x", "y");
    }

    @Test
    void blankLinesAreSkippedAndDataRowsAreCountedFromTwoTheHeaderBeingRowOne() {
        List<ActivityCsv.Row> rows = ActivityCsv.rows("Datum;Start\n2027-01-01;18:00\n\n2027-01-02;18:00\n");
        assertThat(rows).extracting(ActivityCsv.Row::number).containsExactly(2, 3);
    }

    @Test
    void rowsOfBareSeparatorsThatExcelLeavesBehindAreSkippedLikeBlankLines() {
        List<ActivityCsv.Row> rows = ActivityCsv.rows("Datum;Start;Slut\r\n2027-01-01;18:00;20:00\r\n;;\r\n ; ;\r\n");
        assertThat(rows).extracting(ActivityCsv.Row::number).containsExactly(2);
    }
}
