package org.camaudit.text;

import java.util.regex.Pattern;

/**
 * The one rule for CSV cells of every camaudit CSV (devices, findings, replacement plan, scanner output), for text
 * that devices or people chose:
 * <ul>
 * <li>a cell that a spreadsheet would run as a formula, i.e. one starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return, is written with a leading {@code '} (OWASP "CSV injection"), unless the
 * whole cell is a plain decimal number such as {@code -10.5}, which a spreadsheet reads as that number;
 * <li>the items of a list are joined with {@value #LIST_SEPARATOR}.
 * </ul>
 * Quoting (RFC 4180) is the CSV writer's job; this class only decides the text of a cell.
 */
public final class CsvCell {

    /** What separates the items of a list within one cell. */
    public static final String LIST_SEPARATOR = " | ";

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private CsvCell() {
    }

    /** {@code text} as it goes into a cell: prefixed with {@code '} when a spreadsheet would run it. */
    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        if (FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches()) {
            return "'" + text;
        }
        return text;
    }

    /** The items of a list as one cell's text, each item neutralised on its own. */
    public static String list(Iterable<?> items) {
        StringBuilder cell = new StringBuilder();
        for (Object item : items) {
            if (!cell.isEmpty()) {
                cell.append(LIST_SEPARATOR);
            }
            cell.append(item == null ? "" : String.valueOf(item));
        }
        return neutralise(cell.toString());
    }
}
