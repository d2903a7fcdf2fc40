package org.camaudit.audit.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.evaluation.ShippedRules.fired;
import static org.camaudit.audit.evaluation.ShippedRules.vendor;

import org.junit.jupiter.api.Test;


class MarkerRulesTest {

    private static final MarkerRules HIKVISION = new MarkerRules(vendor("Hikvision"));
    private static final MarkerRules DAHUA = new MarkerRules(vendor("Dahua"));

    @Test
    void shouldTakeTheProprietaryDiscoveryAsDirectFromDiscoveredByOrAnEvidenceSource() {
        Signals byMethod = fired(HIKVISION::match, device().discoveredBy("sadp"));
        Signals bySource = fired(DAHUA::match, device().evidence("dhip", "DeviceType", "IPC-HDW2431T"));

        assertThat(byMethod.all()).singleElement().extracting(Signal::strength, Signal::kind, Signal::where)
                .containsExactly(Strength.DIRECT, "discovery", "discoveredBy");
        assertThat(bySource.all()).singleElement().extracting(Signal::strength, Signal::where)
                .containsExactly(Strength.DIRECT, "evidence source");
    }

    @Test
    void shouldLookOnlyAtTheEvidenceFieldsAMarkerNames() {
        assertThat(fired(HIKVISION::match, device().evidence("http", "Server", "App-webs/")).all()).singleElement()
                .extracting(Signal::kind, Signal::strength).containsExactly("http-server", Strength.INDIRECT);
        assertThat(fired(HIKVISION::match, device().evidence("http", "X-Powered-By", "App-webs/")).isEmpty()).isTrue();
    }

    @Test
    void shouldKeepCopiedMarkersSupporting() {
        Signals namespace = fired(HIKVISION::match, device().evidence("onvif.GetCapabilities", "namespace",
                "xmlns:hikxsd=http://www.hikvision.com/ver20/XMLSchema"));
        Signals shape = fired(DAHUA::match, device().model("SD49225XA-HNR"));

        assertThat(namespace.all()).singleElement().extracting(Signal::kind, Signal::strength)
                .containsExactly("onvif-namespace", Strength.SUPPORTING);
        assertThat(shape.all()).singleElement().extracting(Signal::kind, Signal::strength)
                .containsExactly("model-shape", Strength.SUPPORTING);
    }

    @Test
    void shouldMatchHardwareIdAndSerialFormatAsTwoKinds() {
        Signals signals = fired(HIKVISION::match, device().hardwareId("88").serial("DS-2CD2043G0-I20190101AAWR000000001"));

        assertThat(signals.all()).extracting(Signal::kind).containsExactly("hardware-id", "serial-format");
        assertThat(signals.matchedBy()).extracting(MatchedRule::evidence)
                .containsExactly("hardwareId = 88", "serialNumber = DS-2CD2043G0-I20190101AAWR000000001");
    }

    @Test
    void shouldFireNothingOnAnotherMakersDevice() {
        assertThat(fired(HIKVISION::match, device().manufacturer("AXIS").model("AXIS Q6045-E").hardwareId("1.0")
                .discoveredBy("ws-discovery").evidence("http", "Server", "lighttpd")).isEmpty()).isTrue();
    }
}
