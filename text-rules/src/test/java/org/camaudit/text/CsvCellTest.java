package org.camaudit.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CsvCellTest {

    @Test
    void shouldPrefixWhatASpreadsheetWouldRun() {
        assertThat(CsvCell.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvCell.neutralise("+cmd|' /C calc'!A0")).startsWith("'+");
        assertThat(CsvCell.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCell.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCell.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CsvCell.neutralise("\rx")).isEqualTo("'\rx");
    }

    @Test
    void shouldLeavePlainNumbersAndOrdinaryTextAlone() {
        assertThat(CsvCell.neutralise("-10.5")).isEqualTo("-10.5");
        assertThat(CsvCell.neutralise("+3")).isEqualTo("+3");
        assertThat(CsvCell.neutralise("DS-2CD2142FWD-I")).isEqualTo("DS-2CD2142FWD-I");
        assertThat(CsvCell.neutralise(null)).isEmpty();
    }

    @Test
    void shouldJoinListsWithOneSeparatorAndNeutraliseTheCell() {
        assertThat(CsvCell.list(List.of("onvif", "sadp"))).isEqualTo("onvif | sadp");
        assertThat(CsvCell.list(List.of("=1+1", "x"))).isEqualTo("'=1+1 | x");
        assertThat(CsvCell.list(List.of())).isEmpty();
    }
}
