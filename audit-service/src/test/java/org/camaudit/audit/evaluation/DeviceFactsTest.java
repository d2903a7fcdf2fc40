package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.evaluation.ShippedRules.AUDIT_DATE;
import static org.camaudit.audit.evaluation.ShippedRules.FIELDS;
import static org.camaudit.audit.evaluation.ShippedRules.NAMES;
import static org.camaudit.audit.evaluation.ShippedRules.facts;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.camaudit.audit.client.Device;

class DeviceFactsTest {

    @Test
    void shouldReadNamesFromTheDeviceItsOnvifNameScopeAndManufacturerEvidence() {
        DeviceFacts facts = facts(device().manufacturer("Hikvision").reportedManufacturer(" HIKVISION ")
                .scope("onvif://www.onvif.org/name/Zhejiang%20Dahua")
                .evidence("onvif.GetDeviceInformation", "Manufacturer", "Acme Co., Ltd."));

        assertThat(facts.names()).containsExactly(new Observed("manufacturer", "Hikvision"),
                new Observed("reportedManufacturer", "HIKVISION"), new Observed("onvif scope", "Zhejiang Dahua"),
                new Observed("evidence onvif.GetDeviceInformation/Manufacturer", "Acme Co., Ltd."));
        assertThat(facts.normalizedNames()).containsExactly("hikvision", "hikvision", "zhejiang dahua", "acme");
        assertThat(facts.paddedNames()).containsExactly(" hikvision ", " hikvision ", " zhejiang dahua ", " acme ");
        assertThat(facts.reportedManufacturerKnown()).isTrue();
    }

    @Test
    void shouldTakeTheOnvifHardwareScopeAsAModelOnceWhenItRepeatsTheModel() {
        DeviceFacts facts = facts(device().model("DS-2CD2142FWD-I")
                .scope("onvif://www.onvif.org/hardware/DS-2CD2142FWD-I").scope("onvif://www.onvif.org/hardware/NVR%204"));

        assertThat(facts.models()).containsExactly(new Observed("model", "DS-2CD2142FWD-I"),
                new Observed("onvif scope hardware", "NVR 4"));
        assertThat(facts.scopes()).extracting(Observed::value).containsExactly(
                "onvif://www.onvif.org/hardware/DS-2CD2142FWD-I", "onvif://www.onvif.org/hardware/NVR%204");
    }

    @Test
    void shouldSortEvidenceByItsFieldAndKeepEveryItemWithItsFieldName() {
        DeviceFacts facts = facts(device().firmware("V5.5.0 build 170725")
                .evidence("sadp", "DeviceDescription", "DS-2CD2043G0-I")
                .evidence("onvif.GetDeviceInformation", "FirmwareVersion", "V5.5.0 build 170725")
                .evidence("onvif.GetDeviceInformation", "SerialNumber", "DS-2CD2043G0-I20190101AAWR000000001")
                .evidence("onvif.GetDeviceInformation", "HardwareId", "88")
                .evidence("http", "Server", "App-webs/"));

        assertThat(facts.models()).containsExactly(new Observed("evidence sadp/DeviceDescription", "DS-2CD2043G0-I"));
        assertThat(facts.firmwares()).containsExactly(new Observed("firmwareVersion", "V5.5.0 build 170725"));
        assertThat(facts.serials()).extracting(Observed::where)
                .containsExactly("evidence onvif.GetDeviceInformation/SerialNumber");
        assertThat(facts.hardwareIds()).extracting(Observed::value).containsExactly("88");
        assertThat(facts.evidence()).hasSize(5);
        assertThat(facts.evidenceFields())
                .containsExactly("DeviceDescription", "FirmwareVersion", "SerialNumber", "HardwareId", "Server");
        assertThat(facts.names()).isEmpty();
    }

    @Test
    void shouldKeepRegistryOrganisationsApartFromTheNamesAndMacsTheDeviceReports() {
        DeviceFacts facts = facts(device()
                .evidence("oui", "manufacturer", "Hangzhou Hikvision Digital Technology Co.,Ltd.")
                .evidence("arp", "mac", "44:19:b6:00:00:01")
                .evidence("onvif.GetNetworkInterfaces", "MACAddress", "44-19-B6-00-00-02"));

        assertThat(facts.ouiOrganizations()).extracting(Observed::value)
                .containsExactly("Hangzhou Hikvision Digital Technology Co.,Ltd.", "44:19:b6:00:00:01");
        assertThat(facts.names()).isEmpty();
        assertThat(facts.macs()).extracting(Observed::value).containsExactly("44-19-B6-00-00-02");
        assertThat(facts.macHex()).containsExactly("4419B6000002");
        assertThat(facts.reportedManufacturerKnown()).isFalse();
    }

    @Test
    void shouldGiveNoHexDigitsForAMacFieldThatIsNotAMac() {
        DeviceFacts facts = facts(device().mac("44:19:b6:12:34:56").evidence("onvif", "MAC", "unknown"));

        assertThat(facts.macHex()).containsExactly("4419B6123456", "");
    }

    @Test
    void shouldListDiscoveryMethodsAndTheHeadOfEachEvidenceSourceOnce() {
        DeviceFacts facts = facts(device().discoveredBy("ws-discovery").discoveredBy("sadp")
                .evidence("onvif.GetDeviceInformation", "Model", "X").evidence("onvif.GetCapabilities", "namespace", "Y")
                .evidence("http:80", "Server", "Z").evidence("sadp", "DeviceType", "W"));

        assertThat(facts.discovery()).extracting(Observed::value).containsExactly("ws-discovery", "sadp", "onvif", "http");
    }

    @Test
    void shouldSkipBlankValuesAndMissingEvidence() {
        Device device = new Device("1", "HQ", "10.0.0.1", " ", "  ", null, "", null, null, null, null, null, null,
                Arrays.asList(null, new Device.Evidence(null, null, " "), new Device.Evidence(null, null, "value")),
                null, null, "active", null);

        DeviceFacts facts = new DeviceFacts(device, FIELDS, NAMES, AUDIT_DATE);

        assertThat(facts.names()).isEmpty();
        assertThat(facts.models()).isEmpty();
        assertThat(facts.macs()).isEmpty();
        assertThat(facts.discovery()).isEmpty();
        assertThat(facts.evidence()).containsExactly(new Observed("evidence /", "value"));
    }

    @Test
    void shouldReadTheDateFromTheSerialBeforeTheFirmwareAndNeverAfterTheAuditDate() {
        DeviceFacts serialFirst = facts(device().serial("DS-2CD2143G2-I20220101AAWR123456789").firmware("V5.5.0 build 170725"));
        DeviceFacts future = new DeviceFacts(device().firmware("V5.7.0 build 270101").build(), FIELDS, NAMES, AUDIT_DATE);

        assertThat(serialFirst.date()).get().extracting(DeviceDateReader.DeviceDate::date)
                .isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(serialFirst.date().get().source()).startsWith("production date in serialNumber = ");
        assertThat(future.date()).isEmpty();
    }

    @Test
    void shouldCutOverlongValuesInTheEvidenceItShows() {
        Observed observed = new Observed("model", "X".repeat(300));

        assertThat(observed.text()).isEqualTo("model = " + "X".repeat(Observed.MAX_TEXT) + "…");
        assertThat(List.of(new Observed("model", "DS-2CD").text())).containsExactly("model = DS-2CD");
    }
}
