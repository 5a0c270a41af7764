package org.harmony.dsar.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void shouldWriteAHeaderAndQuoteCellsThatNeedIt() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", "Lovelace, Ada");
        row.put("note", "said \"hi\"");
        row.put("amount", 12.5);
        assertThat(Csv.of(List.of(row)))
                .isEqualTo("name,note,amount\r\n\"Lovelace, Ada\",\"said \"\"hi\"\"\",12.5\r\n");
    }

    @Test
    void shouldNeutraliseSpreadsheetFormulas() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil\")")).startsWith("\"'=HYPERLINK");
        assertThat(Csv.cell("+1 415 555 0134")).isEqualTo("'+1 415 555 0134");
        assertThat(Csv.cell(-3)).isEqualTo("-3");
    }

    @Test
    void shouldLeaveEmptyCellsForMissingValues() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("a", 1);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("b", 2);
        assertThat(Csv.of(List.of(first, second))).isEqualTo("a,b\r\n1,\r\n,2\r\n");
    }
}
