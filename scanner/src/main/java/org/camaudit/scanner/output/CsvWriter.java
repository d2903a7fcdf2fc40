package org.camaudit.scanner.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;

import org.camaudit.text.CsvCell;

/**
 * One row per device (RFC 4180). Cells follow the suite's one CSV rule ({@link CsvCell}): list fields and evidence
 * ({@code source field=value} entries) are joined with {@link CsvCell#LIST_SEPARATOR}, and cells that a spreadsheet
 * would run as a formula are prefixed with a quote, since devices choose these strings.
 */
public final class CsvWriter implements ObservationWriter {

    static final List<String> HEADER = List.of("ip", "mac", "manufacturer", "reportedManufacturer", "model",
            "firmwareVersion", "serialNumber", "hardwareId", "discoveredBy", "xaddrs", "authRequired", "httpPorts",
            "observedAt", "identification", "identificationReasons", "evidence");

    @Override
    public void write(List<Observation> observations, Writer out) throws IOException {
        out.write(String.join(",", HEADER));
        out.write("\r\n");
        for (Observation o : observations) {
            Observation.Onvif onvif = o.onvif();
            List<String> row = List.of(text(o.ip()), text(o.mac()), text(o.manufacturer()), text(o.reportedManufacturer()),
                    text(o.model()), text(o.firmwareVersion()), text(o.serialNumber()), text(o.hardwareId()),
                    String.join(CsvCell.LIST_SEPARATOR, o.discoveredBy()), onvif == null ? "" : String.join(CsvCell.LIST_SEPARATOR, onvif.xaddrs()),
                    onvif == null || onvif.authRequired() == null ? "" : onvif.authRequired().toString(),
                    o.httpPorts().stream().map(String::valueOf).collect(Collectors.joining(CsvCell.LIST_SEPARATOR)), text(o.observedAt()),
                    o.identification() == null ? "" : o.identification().status(),
                    o.identification() == null ? "" : String.join(CsvCell.LIST_SEPARATOR, o.identification().reasons()),
                    o.evidence().stream().map(e -> e.source() + " " + e.field() + "=" + e.value())
                            .collect(Collectors.joining(CsvCell.LIST_SEPARATOR)));
            out.write(row.stream().map(CsvWriter::cell).collect(Collectors.joining(",")));
            out.write("\r\n");
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    static String cell(String value) {
        String safe = CsvCell.neutralise(value);
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
