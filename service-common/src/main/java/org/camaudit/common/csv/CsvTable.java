package org.camaudit.common.csv;

import java.util.List;

import jakarta.ws.rs.core.MediaType;

/**
 * Rows to answer as {@code text/csv}: a resource returns one and {@link CsvTableWriter} writes it with a header line,
 * so every CSV of the services follows the same rules.
 */
public record CsvTable<T>(List<CsvColumn<T>> columns, Iterable<? extends T> rows) {

    public static final String MEDIA_TYPE = "text/csv";
    /** The type the services answer CSV with. */
    public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE + ";charset=UTF-8");

    public CsvTable {
        columns = List.copyOf(columns);
    }
}
