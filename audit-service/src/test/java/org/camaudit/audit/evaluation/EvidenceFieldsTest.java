package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.evaluation.ShippedRules.FIELDS;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvidenceFieldsTest {

    @ParameterizedTest
    @CsvSource({
        "Manufacturer, 1", "brand, 1", "DeviceDescription, 2", "hardware, 2", "FirmwareVersion, 4", "version, 4",
        "SerialNumber, 8", "HardwareId, 16", "MACAddress, 32", "Server, 0", "ManufacturerName, 0" })
    void shouldClassifyAFieldByThePolicysExpressions(String field, int kinds) {
        assertThat(FIELDS.kindsOf(field)).isEqualTo(kinds);
    }

    @ParameterizedTest
    @CsvSource({ "oui, true", "mac.lookup, true", "arp, true", "ARP:eth0, true", "onvif.GetDeviceInformation, false",
        "macro, false", "'', false" })
    void shouldTellRegistryLookupsFromWhatTheDeviceReported(String source, boolean registry) {
        assertThat(FIELDS.isOuiSource(source)).isEqualTo(registry);
    }
}
