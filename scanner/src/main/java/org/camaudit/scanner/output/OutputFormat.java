package org.camaudit.scanner.output;

import java.util.Locale;

/** The formats of {@code --format}. */
public enum OutputFormat {
    TABLE, JSON, CSV;

    public ObservationWriter writer() {
        return switch (this) {
            case TABLE -> new TableWriter();
            case JSON -> new JsonWriter();
            case CSV -> new CsvWriter();
        };
    }

    /** Picocli converter: accepts the lower-case names the CLI documents. */
    public static OutputFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + text + "' (expected table, json or csv)");
        }
    }
}
