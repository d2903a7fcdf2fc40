package org.camaudit.audit.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void shouldLeavePlainCellsAndNumbersAlone() {
        assertThat(Csv.cell("plain")).isEqualTo("plain");
        assertThat(Csv.cell("-10.5")).isEqualTo("-10.5");
        assertThat(Csv.cell(null)).isEmpty();
    }

    @Test
    void shouldQuoteSeparatorsQuotesAndLineBreaks() {
        assertThat(Csv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
    }

    @Test
    void shouldDefuseCellsASpreadsheetWouldRunAsFormulas() {
        assertThat(Csv.cell("=1+2")).isEqualTo("'=1+2");
        assertThat(Csv.cell("+cmd")).isEqualTo("'+cmd");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("-x")).isEqualTo("'-x");
        assertThat(Csv.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
    }

    @Test
    void shouldWriteAHeaderAndCrlfRows() {
        assertThat(new Csv(List.of("a", "b")).row(1, null).toString()).isEqualTo("a,b\r\n1,\r\n");
    }
}
