package org.camaudit.scanner.identify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Optional;

import org.camaudit.scanner.oui.OuiRegistry;
import org.camaudit.scanner.output.Observation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DeviceIdentifierTest {

    private static DeviceIdentifier identifier;
    private final ManufacturerCatalog catalog = ManufacturerCatalog.shipped();

    @BeforeAll
    static void loadRegistry() throws IOException {
        identifier = new DeviceIdentifier(ManufacturerCatalog.shipped(), OuiRegistry.load(Optional.empty()));
    }

    @Test
    void shouldMapReportedNamesToCanonicalOnes() {
        assertThat(catalog.canonical("HIKVISION")).contains("Hikvision");
        assertThat(catalog.canonical("Hangzhou Hikvision Digital Technology Co.,Ltd.")).contains("Hikvision");
        assertThat(catalog.canonical("Zhejiang Dahua Technology Co., Ltd.")).contains("Dahua");
        assertThat(catalog.canonical("AXIS")).contains("Axis");
        assertThat(catalog.canonical("D-Link Corporation")).contains("D-Link");
        assertThat(catalog.canonical("Milesight Technology Co.,Ltd.")).contains("Milesight");
        assertThat(catalog.canonical("Samsung Techwin")).contains("Hanwha Vision");
        assertThat(catalog.canonical("  Acme Cameras  ")).contains("Acme Cameras");
        assertThat(catalog.known("Shanghai Dahua Scale Factory")).isEmpty();
    }

    @Test
    void shouldNotUseUnusableStringsAsTheManufacturer() {
        for (String unusable : new String[] { "ONVIF", "ONVIF_IPNC", "H264", "NONE", "Debian GNU/Linux", "", "  ",
                "Linux", "unknown", "General", "IPCamera" }) {
            assertThat(catalog.canonical(unusable)).as(unusable).isEmpty();
        }
    }

    @Test
    void shouldReportUnusableManufacturerVerbatimAndIdentifyFromOtherEvidence() {
        DeviceFacts facts = new DeviceFacts("127.0.30.5");
        facts.discoveredBy("onvif");
        facts.add(Sources.ONVIF_DEVICE_INFORMATION, "Manufacturer", "ONVIF");
        facts.add(Sources.ONVIF_DEVICE_INFORMATION, "Model", "ENP1A14-IR/25X");
        facts.add(Sources.ONVIF_NETWORK_INTERFACES, "HwAddress", "44:19:B6:01:02:03");
        Observation observation = identifier.identify(facts);
        assertThat(observation.reportedManufacturer()).isEqualTo("ONVIF");
        assertThat(observation.manufacturer()).isEqualTo("Hikvision");
        assertThat(observation.mac()).isEqualTo("44:19:b6:01:02:03");
        assertThat(observation.discoveredBy()).contains("onvif", "oui");
        assertThat(observation.evidence()).contains(
                new Evidence(Sources.OUI, "mac", "Hangzhou Hikvision Digital Technology Co.,Ltd."),
                new Evidence(Sources.OUI, "registryDate", "2026-08-26"));
    }

    @Test
    void shouldKeepConflictsAsEvidence() {
        DeviceFacts facts = new DeviceFacts("127.0.30.6");
        facts.discoveredBy("onvif");
        facts.add(Sources.ONVIF_DEVICE_INFORMATION, "Manufacturer", "TRENDnet");
        facts.add(Sources.ONVIF_DEVICE_INFORMATION, "FirmwareVersion", "V5.3.4 build 160830");
        facts.add(Sources.SADP, "DeviceSN", "TV-IP320PI20161206AAWR863642784");
        Observation observation = identifier.identify(facts);
        assertThat(observation.manufacturer()).isEqualTo("TRENDnet");
        assertThat(observation.serialNumber()).isEqualTo("TV-IP320PI20161206AAWR863642784");
        assertThat(observation.evidence()).contains(
                new Evidence(Sources.IDENTIFY, "manufacturerConflict", "TRENDnet (onvif.GetDeviceInformation) vs Hikvision (sadp)"));
    }

    @Test
    void shouldIdentifyOnvifDisabledHikvisionFromSadpAlone() {
        DeviceFacts facts = new DeviceFacts("127.0.30.7");
        facts.discoveredBy("sadp");
        facts.add(Sources.SADP, "DeviceDescription", "DS-2CD2142FWD-I");
        facts.add(Sources.SADP, "DeviceSN", "DS-2CD2142FWD-I20170101AAWR123456789");
        facts.add(Sources.SADP, "SoftwareVersion", "V5.5.0build 170725");
        facts.add(Sources.SADP, "MAC", "c0-56-e3-11-22-33");
        Observation observation = identifier.identify(facts);
        assertThat(observation.manufacturer()).isEqualTo("Hikvision");
        assertThat(observation.reportedManufacturer()).isNull();
        assertThat(observation.model()).isEqualTo("DS-2CD2142FWD-I");
        assertThat(observation.firmwareVersion()).isEqualTo("V5.5.0build 170725");
        assertThat(observation.mac()).isEqualTo("c0:56:e3:11:22:33");
        assertThat(observation.evidence()).noneMatch(e -> e.field().equals("manufacturerConflict"));
    }

    @Test
    void shouldIdentifyFromHttpFingerprintsWhenNothingElseSpeaks() {
        DeviceFacts facts = new DeviceFacts("127.0.30.8");
        facts.discoveredBy("http");
        facts.add(Sources.HTTP_SERVER, "port 80", "App-webs/");
        facts.add(Sources.HTTP_FINGERPRINT, "server REFERENCE.md", "Hikvision");
        assertThat(identifier.identify(facts).manufacturer()).isEqualTo("Hikvision");
    }
}
