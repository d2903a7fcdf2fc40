package org.camaudit.scanner.replies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camaudit.scanner.http.HttpResponse;
import org.camaudit.scanner.identify.DeviceFacts;
import org.camaudit.scanner.identify.Evidence;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.onvif.OnvifProbe;
import org.camaudit.scanner.udp.DhipProbe;
import org.camaudit.scanner.udp.DiscoveryReply;
import org.camaudit.scanner.udp.SadpProbe;
import org.camaudit.scanner.udp.WsDiscoveryProbe;
import org.camaudit.scanner.xml.OnvifMessages;
import org.junit.jupiter.api.Test;
import org.onvif.ver10.device.wsdl.GetDeviceInformationResponse;
import org.onvif.ver10.device.wsdl.GetNetworkInterfacesResponse;
import org.onvif.ver10.device.wsdl.GetScopesResponse;
import org.onvif.ver10.schema.DateTime;

/** Every recording in the fixture corpus goes through the parsers it is meant for, and through all the others. */
class FixtureCorpusTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Pattern RELATES_TO = Pattern.compile("RelatesTo>\\s*(?:urn:)?(?:uuid:)?([0-9a-fA-F-]{36})");

    @Test
    void shouldSurviveEveryRecordingWithEveryParser() {
        List<Path> files = Corpus.files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(490);
        for (Path file : files) {
            byte[] data = Corpus.read(file);
            assertThatCode(() -> Corpus.parseWithEverything(data, UUID.randomUUID())).as(file.toString())
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void shouldBindEveryRecordedOnvifResponseToTheOnvifTypes() {
        Map<String, OnvifProbe.Binder<?>> types = Map.of("GetDeviceInformation",
                (OnvifProbe.Binder<GetDeviceInformationResponse>) OnvifMessages::deviceInformation, "GetSystemDateAndTime",
                (OnvifProbe.Binder<Optional<DateTime>>) OnvifMessages::utcDateTime, "GetNetworkInterfaces",
                (OnvifProbe.Binder<GetNetworkInterfacesResponse>) OnvifMessages::networkInterfaces, "GetScopes",
                (OnvifProbe.Binder<GetScopesResponse>) OnvifMessages::scopes);
        Map<String, Integer> bound = new HashMap<>();
        for (Path file : Corpus.files()) {
            String name = file.getFileName().toString();
            for (Map.Entry<String, OnvifProbe.Binder<?>> type : types.entrySet()) {
                boolean recordedResponse = name.equals(type.getKey() + "Response.xml")
                        || name.equals(type.getKey() + ".response.xml");
                if (!recordedResponse || file.toString().contains("wrong-password")
                        || file.toString().contains("no-credentials")) {
                    continue;
                }
                DeviceFacts facts = new DeviceFacts("127.0.30.1");
                OnvifProbe.Reply<?> reply = OnvifProbe.interpret(facts, type.getKey(),
                        new HttpResponse(200, Map.of(), Corpus.read(file), false), Corpus.MAX_REPLY, type.getValue());
                assertThat(reply.outcome()).as(file + " " + facts.evidence()).isEqualTo(OnvifProbe.Outcome.OK);
                bound.merge(type.getKey(), 1, Integer::sum);
            }
        }
        assertThat(bound.get("GetDeviceInformation")).isGreaterThanOrEqualTo(19);
        assertThat(bound.get("GetSystemDateAndTime")).isGreaterThanOrEqualTo(19);
        assertThat(bound.get("GetNetworkInterfaces")).isGreaterThanOrEqualTo(9);
        assertThat(bound.get("GetScopes")).isGreaterThanOrEqualTo(10);
    }

    @Test
    void shouldReadHikvisionIdentityFromItsRecording() {
        Path file = Corpus.root().resolve("onvif/hikvision/DS-2CD2012-I_fwV5.2.0_build140721/GetDeviceInformationResponse.xml");
        OnvifProbe.Reply<GetDeviceInformationResponse> reply = OnvifProbe.interpret(new DeviceFacts("127.0.30.1"),
                "GetDeviceInformation", new HttpResponse(200, Map.of(), Corpus.read(file), false), Corpus.MAX_REPLY,
                OnvifMessages::deviceInformation);
        assertThat(reply.body().getManufacturer()).isEqualTo("HIKVISION");
        assertThat(reply.body().getModel()).isEqualTo("DS-2CD2012-I");
        assertThat(reply.body().getFirmwareVersion()).startsWith("V5.2.0");
    }

    @Test
    void shouldReadTheCameraClockFromItsRecording() {
        Path file = Corpus.root().resolve("onvif/hikvision/DS-2CD2012-I_fwV5.2.0_build140721/GetSystemDateAndTimeResponse.xml");
        OnvifProbe.Reply<Optional<DateTime>> reply = OnvifProbe.interpret(new DeviceFacts("127.0.30.1"),
                "GetSystemDateAndTime", new HttpResponse(200, Map.of(), Corpus.read(file), false), Corpus.MAX_REPLY,
                OnvifMessages::utcDateTime);
        DateTime utc = reply.body().orElseThrow();
        assertThat(List.of(utc.getDate().getYear(), utc.getDate().getMonth(), utc.getDate().getDay(),
                utc.getTime().getHour(), utc.getTime().getMinute(), utc.getTime().getSecond()))
                .containsExactly(2018, 2, 27, 18, 34, 41);
    }

    @Test
    void shouldRecogniseEveryRecordedFaultAndTheNotAuthorizedOnes() {
        int faults = 0;
        int refusals = 0;
        for (Path file : Corpus.files()) {
            String path = file.toString();
            boolean fault = path.contains("/faults/") || path.contains("_synthetic");
            boolean refusal = (path.contains("wrong-password") || path.contains("no-credentials"))
                    && path.endsWith(".response.xml")
                    && new String(Corpus.read(file), StandardCharsets.UTF_8).contains("NotAuthorized");
            if (!fault && !refusal) {
                continue;
            }
            DeviceFacts facts = new DeviceFacts("127.0.30.1");
            OnvifProbe.Reply<GetDeviceInformationResponse> reply = OnvifProbe.interpret(facts, "Op",
                    new HttpResponse(refusal ? 401 : 500, Map.of(), Corpus.read(file), false), Corpus.MAX_REPLY,
                    OnvifMessages::deviceInformation);
            if (refusal) {
                assertThat(reply.outcome()).as(path).isEqualTo(OnvifProbe.Outcome.AUTH_REJECTED);
                refusals++;
            } else {
                assertThat(reply.outcome()).as(path).isIn(OnvifProbe.Outcome.FAILED, OnvifProbe.Outcome.AUTH_REJECTED);
                faults++;
            }
        }
        assertThat(faults).isGreaterThanOrEqualTo(100);
        assertThat(refusals).isGreaterThanOrEqualTo(10);
    }

    @Test
    void shouldMatchEveryRecordedProbeMatchToTheProbeItAnswers() {
        int matched = 0;
        for (Path file : Corpus.files()) {
            String text = new String(Corpus.read(file), StandardCharsets.UTF_8);
            if (!text.contains("ProbeMatches>") || !file.toString().endsWith(".xml")) {
                continue;
            }
            Matcher relatesTo = RELATES_TO.matcher(text);
            assertThat(relatesTo.find()).as(file.toString()).isTrue();
            UUID ours = UUID.fromString(relatesTo.group(1));
            List<DiscoveryReply> replies = new WsDiscoveryProbe(ours, 1, Corpus.MAX_REPLY).parse(LOOPBACK,
                    Corpus.read(file), Corpus.read(file).length);
            assertThat(replies).as(file.toString()).isNotEmpty();
            assertThat(replies.get(0).xaddrs()).as(file.toString()).isNotEmpty();
            List<DiscoveryReply> stranger = new WsDiscoveryProbe(UUID.randomUUID(), 1, Corpus.MAX_REPLY).parse(LOOPBACK,
                    Corpus.read(file), Corpus.read(file).length);
            assertThat(stranger).as("a reply to someone else's probe is ignored: " + file).isEmpty();
            matched++;
        }
        assertThat(matched).isGreaterThanOrEqualTo(13);
    }

    @Test
    void shouldReadScopesOfTheHikvisionDiscoveryReply() {
        Path file = Corpus.root().resolve("peer/thingino-onvif/wsdiscovery/unicast_127.0.0.1/probe_nvt.response1.xml");
        byte[] data = Corpus.read(file);
        List<DiscoveryReply> replies = new WsDiscoveryProbe(UUID.fromString("6bed4545-937b-4a07-8bcf-de5bc1819048"), 1,
                Corpus.MAX_REPLY).parse(LOOPBACK, data, data.length);
        assertThat(replies).hasSize(1);
        DiscoveryReply reply = replies.get(0);
        assertThat(reply.claimedAddress()).isEqualTo("127.0.0.1");
        assertThat(reply.xaddrs()).containsExactly("http://127.0.0.1:8090/onvif/device_service");
        assertThat(reply.evidence()).contains(new Evidence(Sources.WS_DISCOVERY_SCOPE, "name", "PeerCam-2"),
                new Evidence(Sources.WS_DISCOVERY_SCOPE, "hardware", "thingino-onvif-peer"));
    }

    @Test
    void shouldReadTheRecordedSadpProbeMatch() {
        byte[] data = Corpus.read(Corpus.root().resolve("sadp/universalscanner/Hikvision_SADP_ProbeMatch.selftest.xml"));
        List<DiscoveryReply> replies = new SadpProbe(UUID.randomUUID(), Corpus.MAX_REPLY).parse(LOOPBACK, data, data.length);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).evidence()).contains(new Evidence(Sources.SADP, "DeviceSN", "Virtual-123456789"),
                new Evidence(Sources.SADP, "MAC", "00-11-22-33-44-55"),
                new Evidence(Sources.SADP, "SoftwareVersion", "V1.0build 200101"));
        assertThat(replies.get(0).claimedAddress()).isEqualTo("240.0.5.0");
        assertThat(replies.get(0).httpPort()).isEqualTo(80);
    }

    @Test
    void shouldReadRecordedDhipRepliesIncludingTheOneWithBrokenJson() {
        byte[] good = Corpus.read(Corpus.root().resolve("dahua-discovery/amp-research/DHIP_reply_as_printed_in_README.bin"));
        List<DiscoveryReply> replies = new DhipProbe(Corpus.MAX_REPLY).parse(LOOPBACK, good, good.length);
        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).evidence()).contains(new Evidence(Sources.DHIP, "Vendor", "Dahua"),
                new Evidence(Sources.DHIP, "DeviceType", "IPC-HDW5421S"),
                new Evidence(Sources.DHIP, "SerialNo", "1F006E4PAX00075"),
                new Evidence(Sources.DHIP, "mac", "4c:11:bf:c2:0b:9d"));
        byte[] broken = Corpus.read(Corpus.root().resolve("dahua-discovery/universalscanner/Dahua2_DHIP_37810.selftest.bin"));
        List<DiscoveryReply> lenient = new DhipProbe(Corpus.MAX_REPLY).parse(LOOPBACK, broken, broken.length);
        assertThat(lenient).hasSize(1);
        assertThat(lenient.get(0).evidence()).contains(new Evidence(Sources.DHIP, "SerialNo", "123456789"),
                new Evidence(Sources.DHIP, "mac", "00:11:22:33:44:55"));
        byte[] request = Corpus.read(Corpus.root().resolve("dahua-discovery/amp-research/request_payload_dvr_37810.pkt"));
        assertThat(new DhipProbe(Corpus.MAX_REPLY).parse(LOOPBACK, request, request.length)).isEmpty();
    }

    @Test
    void shouldReportHikvisionNamespacesUnderAnotherBrand() {
        Path file = Corpus.root().resolve("onvif/trendnet_hikvision-oem/TV-IP320PI_fwV5.3.4_build160830/GetDeviceInformationResponse.xml");
        DeviceFacts facts = new DeviceFacts("127.0.30.1");
        OnvifProbe.interpret(facts, "GetDeviceInformation", new HttpResponse(200, Map.of(), Corpus.read(file), false),
                Corpus.MAX_REPLY, OnvifMessages::deviceInformation);
        assertThat(facts.all(Sources.ONVIF_NAMESPACE, "extwsd")).containsExactly("http://www.onvifext.com/onvif/ext/ver10/wsdl");
    }
}
