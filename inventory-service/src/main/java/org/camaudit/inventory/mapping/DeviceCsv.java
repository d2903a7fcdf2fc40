package org.camaudit.inventory.mapping;

import java.util.List;

import org.camaudit.common.csv.CsvColumn;
import org.camaudit.common.csv.CsvTable;
import org.camaudit.inventory.Device;

/** The columns of the devices list as CSV; the cells follow the services' one CSV rule ({@code CsvTableWriter}). */
public final class DeviceCsv {

    private static final List<CsvColumn<Device>> COLUMNS = List.of(
            CsvColumn.of("id", d -> d.id),
            CsvColumn.of("site", d -> d.facts.site),
            CsvColumn.of("ip", d -> d.facts.ip),
            CsvColumn.of("mac", d -> d.facts.mac),
            CsvColumn.of("manufacturer", d -> d.facts.manufacturer),
            CsvColumn.of("reportedManufacturer", d -> d.facts.reportedManufacturer),
            CsvColumn.of("model", d -> d.facts.model),
            CsvColumn.of("firmwareVersion", d -> d.facts.firmwareVersion),
            CsvColumn.of("serialNumber", d -> d.facts.serialNumber),
            CsvColumn.of("hardwareId", d -> d.facts.hardwareId),
            CsvColumn.of("discoveredBy", d -> d.facts.discoveredBy),
            CsvColumn.of("identification", d -> d.facts.identificationStatus),
            CsvColumn.of("identificationReasons", d -> d.facts.identificationReasons),
            CsvColumn.of("status", d -> d.status),
            CsvColumn.of("location", d -> d.location),
            CsvColumn.of("owner", d -> d.owner),
            CsvColumn.of("notes", d -> d.notes),
            CsvColumn.of("firstSeen", d -> d.firstSeen),
            CsvColumn.of("lastSeen", d -> d.lastSeen),
            CsvColumn.of("lastScanId", d -> d.lastScanId));

    private DeviceCsv() {
    }

    public static CsvTable<Device> table(List<Device> devices) {
        return new CsvTable<>(COLUMNS, devices);
    }
}
