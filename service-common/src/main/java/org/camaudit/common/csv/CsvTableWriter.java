package org.camaudit.common.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.camaudit.text.CsvCell;

/**
 * The one {@code text/csv} writer of both services: RFC 4180 (comma, double quotes where needed, CRLF), UTF-8, a
 * header line even when there are no rows, and every cell through {@link CsvCell}, the rule the scanner's CSV
 * follows too.
 */
@Provider
@Produces(CsvTable.MEDIA_TYPE)
public class CsvTableWriter implements MessageBodyWriter<CsvTable<?>> {

    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();
    private static final CsvSchema SCHEMA = CsvSchema.emptySchema().withLineSeparator("\r\n");

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvTable.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(CsvTable<?> table, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        headers.putSingle("Content-Type", CsvTable.MEDIA_TYPE + ";charset=UTF-8");
        try (SequenceWriter rows = CSV.writer(SCHEMA).writeValues(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            rows.write(table.columns().stream().map(CsvColumn::name).toArray(String[]::new));
            write(table, rows);
        }
    }

    private static <T> void write(CsvTable<T> table, SequenceWriter rows) throws IOException {
        List<CsvColumn<T>> columns = table.columns();
        String[] cells = new String[columns.size()];
        for (T row : table.rows()) {
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(columns.get(i).value().apply(row));
            }
            rows.write(cells);
        }
    }

    /** The text of one cell: see {@link CsvColumn} for how values become text, {@link CsvCell} for the rule. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> items) {
            return CsvCell.list(items);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return CsvCell.neutralise(value.toString());
    }
}
