package org.camaudit.scanner.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table for people: one line per device, the main identification fields, how far the device was
 * identified and why; then a summary line. Identifiers (MAC, firmware, serial) are never cut, since
 * a value copied from the table must be the real one; only the manufacturer and model columns are
 * shortened when a device sends something absurdly long.
 */
public final class TableWriter implements ObservationWriter {

    private static final List<String> HEADER = List.of("IP", "MAC", "MANUFACTURER", "MODEL", "FIRMWARE", "SERIAL",
            "STATUS", "FOUND BY", "WHY");
    /** Columns that may be shortened (manufacturer, model), to this width with an ellipsis. */
    private static final Set<Integer> SHORTENED = Set.of(2, 3);
    private static final int MAX_WIDTH = 40;

    @Override
    public void write(List<Observation> observations, Writer out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Observation o : observations) {
            String manufacturer = o.manufacturer() == null ? "?" : o.manufacturer();
            if (o.reportedManufacturer() != null && !o.reportedManufacturer().equals(o.manufacturer())) {
                manufacturer += " (" + o.reportedManufacturer() + ")";
            }
            Observation.Identification identification = identification(o);
            rows.add(List.of(o.ip(), dash(o.mac()), manufacturer, dash(o.model()), dash(o.firmwareVersion()),
                    dash(o.serialNumber()), identification.status(), String.join(",", o.discoveredBy()),
                    identification.reasons().isEmpty() ? "-" : String.join("; ", identification.reasons())));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], cell(row, i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String value = cell(row, i);
                line.append(value);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - value.length() + 2));
                }
            }
            out.write(line.toString().stripTrailing());
            out.write(System.lineSeparator());
        }
        out.write(summary(observations) + System.lineSeparator());
    }

    /** {@code 12 device(s): 8 complete, 3 partial, 1 unidentified (login rejected: 2, ...)}. */
    static String summary(List<Observation> observations) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        byStatus.put("complete", 0);
        byStatus.put("partial", 0);
        byStatus.put("unidentified", 0);
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (Observation o : observations) {
            Observation.Identification identification = identification(o);
            byStatus.merge(identification.status(), 1, Integer::sum);
            identification.reasons().forEach(reason -> reasons.merge(clean(reason), 1, Integer::sum));
        }
        StringBuilder line = new StringBuilder(observations.size() + " device(s): ");
        List<String> counts = new ArrayList<>();
        byStatus.forEach((status, count) -> counts.add(count + " " + status));
        line.append(String.join(", ", counts));
        if (!reasons.isEmpty()) {
            List<String> why = new ArrayList<>();
            reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(e -> why.add(e.getKey() + ": " + e.getValue()));
            line.append(" (").append(String.join(", ", why)).append(')');
        }
        return line.toString();
    }

    private static Observation.Identification identification(Observation o) {
        return o.identification() == null ? new Observation.Identification("unidentified", List.of())
                : o.identification();
    }

    private static String cell(List<String> row, int column) {
        String value = clean(row.get(column));
        if (SHORTENED.contains(column) && value.length() > MAX_WIDTH) {
            return value.substring(0, MAX_WIDTH - 1) + "…";
        }
        return value;
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    /** Device strings may hold control characters (terminal escapes); they are not printed. */
    private static String clean(String value) {
        return value.replaceAll("\\p{Cntrl}", "?");
    }
}
