package org.camaudit.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.core.MultivaluedHashMap;

import org.junit.jupiter.api.Test;

import org.camaudit.common.csv.CsvColumn;
import org.camaudit.common.csv.CsvTable;
import org.camaudit.common.csv.CsvTableWriter;

class CsvTableWriterTest {

    private record Row(String text, Object value) {
    }

    private static final List<CsvColumn<Row>> COLUMNS = List.of(CsvColumn.of("text", Row::text), CsvColumn.of("value", Row::value));

    private static String write(Row... rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvTableWriter().writeTo(new CsvTable<>(COLUMNS, List.of(rows)), CsvTable.class, CsvTable.class, null,
                CsvTable.MEDIA, new MultivaluedHashMap<>(), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteAHeaderEvenWithoutRows() throws IOException {
        assertThat(write()).isEqualTo("text,value\r\n");
    }

    @Test
    void shouldQuoteOnlyWhereRfc4180NeedsIt() throws IOException {
        assertThat(write(new Row("plain", null), new Row("a,b", "say \"hi\""), new Row("line\nbreak", 3)))
                .isEqualTo("text,value\r\nplain,\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",3\r\n");
    }

    @Test
    void shouldNeutraliseFormulasButNotNumbers() throws IOException {
        assertThat(write(new Row("=1+2", new BigDecimal("-10.50")), new Row("@SUM(A1)", "-x")))
                .isEqualTo("text,value\r\n'=1+2,-10.50\r\n'@SUM(A1),'-x\r\n");
    }

    @Test
    void shouldJoinListsWithTheOneSeparator() throws IOException {
        assertThat(write(new Row("x", List.of("onvif", "sadp")))).isEqualTo("text,value\r\nx,onvif | sadp\r\n");
    }

    @Test
    void shouldWriteUnicodeAsUtf8() throws IOException {
        assertThat(write(new Row("Bürocamera 📷", 1))).contains("Bürocamera 📷");
    }
}
