package org.camaudit.scanner.output;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** A fixed-width table for people: one line per device, the main identification fields. */
public final class TableWriter implements ObservationWriter {

    private static final List<String> HEADER = List.of("IP", "MAC", "MANUFACTURER", "MODEL", "FIRMWARE", "SERIAL", "FOUND BY");
    /** Widest column; longer values are cut with an ellipsis. */
    private static final int MAX_WIDTH = 32;

    @Override
    public void write(List<Observation> observations, Writer out) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Observation o : observations) {
            String manufacturer = o.manufacturer() == null ? "?" : o.manufacturer();
            if (o.reportedManufacturer() != null && !o.reportedManufacturer().equals(o.manufacturer())) {
                manufacturer += " (" + o.reportedManufacturer() + ")";
            }
            rows.add(List.of(o.ip(), dash(o.mac()), manufacturer, dash(o.model()), dash(o.firmwareVersion()),
                    dash(o.serialNumber()), String.join(",", o.discoveredBy())));
        }
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], Math.min(MAX_WIDTH, clean(row.get(i)).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String value = clean(row.get(i));
                if (value.length() > MAX_WIDTH && i < row.size() - 1) {
                    value = value.substring(0, MAX_WIDTH - 1) + "…";
                }
                line.append(value);
                if (i < row.size() - 1) {
                    line.append(" ".repeat(widths[i] - value.length() + 2));
                }
            }
            out.write(line.toString().stripTrailing());
            out.write(System.lineSeparator());
        }
        out.write(observations.size() + " device(s)" + System.lineSeparator());
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }

    /** Device strings may hold control characters (terminal escapes); they are not printed. */
    private static String clean(String value) {
        return value.replaceAll("\\p{Cntrl}", "?");
    }
}
