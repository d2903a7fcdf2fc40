package org.camaudit.inventory.mapping;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.camaudit.inventory.Device;

/**
 * The devices list as CSV (RFC 4180): a header line, then one line per device. Cells that a spreadsheet
 * would run as a formula (starting with {@code = + - @}, tab or carriage return) are prefixed with
 * {@code '}, since device names and models come from the devices themselves.
 */
public final class DeviceCsv {

    public static final String MEDIA_TYPE = "text/csv";

    private record Column(String name, Function<Device, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("id", d -> d.id),
            new Column("site", d -> d.facts.site),
            new Column("ip", d -> d.facts.ip),
            new Column("mac", d -> d.facts.mac),
            new Column("manufacturer", d -> d.facts.manufacturer),
            new Column("reportedManufacturer", d -> d.facts.reportedManufacturer),
            new Column("model", d -> d.facts.model),
            new Column("firmwareVersion", d -> d.facts.firmwareVersion),
            new Column("serialNumber", d -> d.facts.serialNumber),
            new Column("hardwareId", d -> d.facts.hardwareId),
            new Column("discoveredBy", d -> d.facts.discoveredBy == null ? null : String.join(" ", d.facts.discoveredBy)),
            new Column("identification", d -> d.facts.identificationStatus),
            new Column("identificationReasons", d -> d.facts.identificationReasons == null
                    || d.facts.identificationReasons.isEmpty() ? null : String.join("; ", d.facts.identificationReasons)),
            new Column("status", d -> d.status),
            new Column("location", d -> d.location),
            new Column("owner", d -> d.owner),
            new Column("notes", d -> d.notes),
            new Column("firstSeen", d -> d.firstSeen),
            new Column("lastSeen", d -> d.lastSeen),
            new Column("lastScanId", d -> d.lastScanId));

    private DeviceCsv() {
    }

    public static String write(List<Device> devices) {
        StringBuilder out = new StringBuilder(128 + devices.size() * 200);
        for (int i = 0; i < COLUMNS.size(); i++) {
            out.append(i == 0 ? "" : ",").append(COLUMNS.get(i).name());
        }
        out.append("\r\n");
        for (Device d : devices) {
            for (int i = 0; i < COLUMNS.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(COLUMNS.get(i).value().apply(d)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String s = value instanceof Instant instant ? instant.toString() : value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
