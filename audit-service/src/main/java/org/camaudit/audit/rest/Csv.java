package org.camaudit.audit.rest;

import java.util.List;

/**
 * RFC 4180 CSV with a header line. Cells that a spreadsheet would run as a formula (device-supplied text starting
 * with {@code = + - @}, tab or carriage return) are prefixed with a quote, since camera replies are hostile input.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private final StringBuilder out = new StringBuilder();

    Csv(List<String> header) {
        row(header.toArray());
    }

    Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !isNumber(text)) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean isNumber(String text) {
        try {
            new java.math.BigDecimal(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
