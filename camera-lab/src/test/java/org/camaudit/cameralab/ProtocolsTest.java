package org.camaudit.cameralab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Unmarshaller;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camaudit.cameralab.camera.CameraLab;
import org.camaudit.cameralab.fleet.CameraSpec;
import org.camaudit.cameralab.fleet.OnvifSettings;
import org.camaudit.cameralab.profile.ProfileRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.onvif.ver10.device.wsdl.GetCapabilitiesResponse;
import org.onvif.ver10.device.wsdl.GetDeviceInformationResponse;
import org.onvif.ver10.device.wsdl.GetHostnameResponse;
import org.onvif.ver10.device.wsdl.GetNetworkInterfacesResponse;
import org.onvif.ver10.device.wsdl.GetScopesResponse;
import org.onvif.ver10.device.wsdl.GetServicesResponse;
import org.onvif.ver10.device.wsdl.GetSystemDateAndTimeResponse;
import org.w3c.dom.Document;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every profile, one camera each from 127.0.20.1 on, answers each protocol on real sockets; replies
 * are read with a real XML parser and the ONVIF ones unmarshalled with the ONVIF library's types.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolsTest {

    static final List<String> PROFILE_IDS = List.of("hikvision", "hikvision-oem", "dahua", "dahua-oem", "axis",
            "bosch", "pelco", "hanwha", "uniview", "milesight", "dlink", "xiongmai-oem", "generic-onvif", "onvif-simple-server",
            "thingino");
    /** Firmware that announces the manufacturer as the hardware scope and the model as the name. */
    private static final List<String> SWAPPED_SCOPES = List.of("onvif-simple-server", "thingino");
    private static final int PORT = RunningFleet.HTTP_PORT;
    private static final Duration UDP_WAIT = Duration.ofSeconds(3);
    private static final Duration SILENCE = Duration.ofMillis(400);
    private static final String ONVIF_OFF = "127.0.20.50";

    @Inject
    CameraLab lab;

    @Inject
    ProfileRegistry profiles;

    private RunningFleet fleet;
    private JAXBContext onvifTypes;

    @BeforeAll
    void startFleet() throws Exception {
        List<CameraSpec> cameras = new ArrayList<>();
        for (int i = 0; i < PROFILE_IDS.size(); i++) {
            cameras.add(new CameraSpec(ip(PROFILE_IDS.get(i)), PROFILE_IDS.get(i), null, null, null, null, null, null,
                    null));
        }
        cameras.add(new CameraSpec(ONVIF_OFF, "hikvision", null, new OnvifSettings(false, null, null, null), null,
                null, null, null, null));
        fleet = new RunningFleet(lab, profiles, cameras);
        onvifTypes = JAXBContext.newInstance(GetSystemDateAndTimeResponse.class, GetDeviceInformationResponse.class,
                GetNetworkInterfacesResponse.class, GetScopesResponse.class, GetCapabilitiesResponse.class,
                GetServicesResponse.class, GetHostnameResponse.class);
    }

    @AfterAll
    void stopFleet() {
        fleet.close();
    }

    static String ip(String profile) {
        return "127.0.20." + (PROFILE_IDS.indexOf(profile) + 1);
    }

    static Stream<String> profiles() {
        return PROFILE_IDS.stream();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void answersUnicastProbeWithRelatesToTypesScopesAndXAddrs(String profile) throws Exception {
        String messageId = LabClient.newMessageId();

        DatagramPacket reply = LabClient.exchange(ip(profile), 3702,
                LabClient.probe(messageId, "dn:NetworkVideoTransmitter").getBytes(StandardCharsets.UTF_8), UDP_WAIT)
                .orElseThrow();

        Document doc = LabClient.parse(LabClient.text(reply));
        assertThat(reply.getAddress().getHostAddress()).isEqualTo(ip(profile));
        assertThat(LabClient.first(doc, LabClient.WSA, "RelatesTo")).isEqualTo(messageId);
        assertThat(LabClient.first(doc, LabClient.WSA, "Action")).isEqualTo(LabClient.WSD + "/ProbeMatches");
        assertThat(LabClient.first(doc, LabClient.WSD, "Types")).contains("NetworkVideoTransmitter");
        assertThat(LabClient.first(doc, LabClient.WSD, "XAddrs"))
                .isEqualTo("http://" + ip(profile) + ":" + PORT + "/onvif/device_service");
        List<String> scopes = List.of(LabClient.first(doc, LabClient.WSD, "Scopes").split(" "));
        Document getScopes = LabClient.parse(authenticated(profile, "GetScopes").body());
        if (SWAPPED_SCOPES.contains(profile)) {
            CameraSpec camera = fleet.camera(ip(profile));
            assertThat(scopes).contains("onvif://www.onvif.org/hardware/" + camera.identity().manufacturer(),
                    "onvif://www.onvif.org/name/" + camera.identity().model());
            assertThat(LabClient.all(getScopes, LabClient.TT, "ScopeItem"))
                    .contains("onvif://www.onvif.org/hardware/" + camera.identity().model());
        } else {
            assertThat(scopes).containsExactlyElementsOf(LabClient.all(getScopes, LabClient.TT, "ScopeItem"));
        }
        Document recorded = LabClient.parse(recording("wsd-ProbeMatches.xml"));
        assertThat(childNames(doc)).isEqualTo(childNames(recorded));
    }

    private static List<String> childNames(Document doc) {
        List<String> names = new ArrayList<>();
        org.w3c.dom.Node match = doc.getElementsByTagNameNS(LabClient.WSD, "ProbeMatch").item(0);
        for (org.w3c.dom.Node n = match.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e) {
                names.add(e.getNamespaceURI() + " " + e.getLocalName());
            }
        }
        return names;
    }

    @Test
    void answersProbeForDeviceTypeAndWithoutTypes() throws Exception {
        for (String types : new String[] { "tds:Device", null }) {
            assertThat(LabClient.exchange(ip("hikvision"), 3702,
                    LabClient.probe(LabClient.newMessageId(), types).getBytes(StandardCharsets.UTF_8), UDP_WAIT))
                    .as("Types %s", types).isPresent();
        }
    }

    @Test
    void ignoresProbesForOtherTypesAndGarbage() throws Exception {
        String otherType = LabClient.probe(LabClient.newMessageId(), "p:Printer")
                .replace("<s:Header>", "<s:Header xmlns:p=\"http://example.org/printers\">");
        assertThat(LabClient.exchange(ip("axis"), 3702, otherType.getBytes(StandardCharsets.UTF_8), SILENCE)).isEmpty();
        assertThat(LabClient.exchange(ip("axis"), 3702, "<not-xml".getBytes(StandardCharsets.UTF_8), SILENCE)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void answersEveryDeviceServiceOperationWithTypesAnOnvifClientAccepts(String profile) throws Exception {
        Unmarshaller unmarshaller = onvifTypes.createUnmarshaller();
        String[][] operations = {
                { "GetSystemDateAndTime", GetSystemDateAndTimeResponse.class.getName() },
                { "GetDeviceInformation", GetDeviceInformationResponse.class.getName() },
                { "GetNetworkInterfaces", GetNetworkInterfacesResponse.class.getName() },
                { "GetScopes", GetScopesResponse.class.getName() },
                { "GetCapabilities", GetCapabilitiesResponse.class.getName() },
                { "GetServices", GetServicesResponse.class.getName() },
                { "GetHostname", GetHostnameResponse.class.getName() } };
        CameraSpec camera = fleet.camera(ip(profile));
        for (String[] operation : operations) {
            HttpResponse<String> response = authenticated(profile, operation[0]);
            if (profile.equals("axis") && operation[0].equals("GetServices")) {
                assertThat(response.statusCode()).isEqualTo(500);
                assertThat(LabClient.first(LabClient.parse(response.body()), LabClient.SOAP_ENV, "Text"))
                        .isEqualTo("Action failed");
                continue;
            }
            assertThat(response.statusCode()).as(operation[0]).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/soap+xml");
            Object value = unmarshaller.unmarshal(LabClient.bodyChild(LabClient.parse(response.body())),
                    Class.forName(operation[1])).getValue();
            if (value instanceof GetDeviceInformationResponse info) {
                assertThat(info.getManufacturer()).isEqualTo(profile.equals("thingino") ? "Debian GNU/Linux"
                        : camera.identity().manufacturer());
                assertThat(info.getModel()).isEqualTo(camera.identity().model());
                assertThat(info.getFirmwareVersion()).isEqualTo(camera.identity().firmwareVersion());
                assertThat(info.getSerialNumber()).isEqualTo(camera.identity().serialNumber());
                assertThat(info.getHardwareId()).isEqualTo(camera.identity().hardwareId());
            }
            if (value instanceof GetNetworkInterfacesResponse interfaces) {
                String mac = interfaces.getNetworkInterfaces().get(0).getInfo().getHwAddress();
                assertThat(mac.replace(":", "").toLowerCase()).isEqualTo(camera.identity().mac().replace(":", ""));
            }
            if (value instanceof GetSystemDateAndTimeResponse time) {
                assertThat(time.getSystemDateAndTime().getUTCDateTime().getDate().getYear())
                        .isEqualTo(Instant.now().atZone(java.time.ZoneOffset.UTC).getYear());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("profiles")
    void answersGetSystemDateAndTimeWithoutCredentialsButNothingElse(String profile) throws Exception {
        assertThat(LabClient.soap(ip(profile), PORT, "GetSystemDateAndTime", null, null, null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = LabClient.soap(ip(profile), PORT, "GetDeviceInformation", null, null, null);
        assertThat(refused.statusCode())
                .isEqualTo(profile.equals("generic-onvif") || profile.equals("onvif-simple-server") ? 400 : 401);
        assertThat(LabClient.all(LabClient.parse(refused.body()), LabClient.SOAP_ENV, "Value"))
                .contains("ter:NotAuthorized");
    }

    @Test
    void answersUnknownOperationsAsEachFirmwareDoes() throws Exception {
        HttpResponse<String> hikvision = authenticated("hikvision", "GetGeoLocation");
        assertThat(hikvision.statusCode()).isEqualTo(500);
        assertThat(LabClient.all(LabClient.parse(hikvision.body()), LabClient.SOAP_ENV, "Value"))
                .contains("ter:ActionNotSupported");
        HttpResponse<String> pelco = authenticated("pelco", "GetFooBar");
        assertThat(pelco.statusCode()).isEqualTo(400);
        assertThat(pelco.body()).contains("Method 'tds:GetFooBar' not implemented");
        HttpResponse<String> generic = authenticated("generic-onvif", "GetFooBar");
        assertThat(generic.statusCode()).isEqualTo(200);
        assertThat(LabClient.bodyChild(LabClient.parse(generic.body())).getLocalName()).isEqualTo("GetFooBarResponse");
    }

    /** One RTSP request on a fresh connection to port 554; the reply's head. */
    private static String rtsp(String ip, String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(ip, 554), 3000);
            socket.setSoTimeout(3000);
            socket.getOutputStream().write((request + " rtsp://" + ip + "/ RTSP/1.0\r\nCSeq: 7\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            StringBuilder head = new StringBuilder();
            java.io.InputStream in = socket.getInputStream();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            return head.toString();
        }
    }

    @Test
    void answersRtspWithTheVendorsServerAndRealmWhereTheFirmwareDoes() throws Exception {
        String dahuaOptions = rtsp(ip("dahua"), "OPTIONS");
        assertThat(dahuaOptions).startsWith("RTSP/1.0 200 OK").contains("CSeq: 7").contains("Server: Dahua Rtsp Server");
        assertThat(rtsp(ip("dahua"), "DESCRIBE")).startsWith("RTSP/1.0 401").contains("Basic realm=\"device\"");
        assertThat(rtsp(ip("hikvision"), "OPTIONS")).startsWith("RTSP/1.0 200 OK").doesNotContain("Server:");
        assertThat(rtsp(ip("hikvision"), "DESCRIBE")).startsWith("RTSP/1.0 401").contains("Digest realm=\"Hikvision\"");
        java.net.Socket axis = new java.net.Socket();
        assertThatThrownBy(() -> axis.connect(new java.net.InetSocketAddress(ip("axis"), 554), 3000))
                .as("no RTSP where no recording or documentation shows it").isInstanceOf(java.io.IOException.class);
        axis.close();
    }

    @Test
    void refusesNonXmlSoapWithWellFormedFault() throws Exception {
        HttpResponse<String> response = LabClient.post("http://" + ip("bosch") + ":" + PORT + "/onvif/device_service",
                "<s:Envelope><broken", Duration.ofSeconds(5));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ter:WellFormed");
    }

    @Test
    void refusesRequestsWithDoctypeOrExternalEntities() throws Exception {
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE s:Envelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<s:Envelope xmlns:s=\"" + LabClient.SOAP_ENV + "\" xmlns:tds=\"" + LabClient.TDS + "\"><s:Body>"
                + "<tds:GetSystemDateAndTime>&x;</tds:GetSystemDateAndTime></s:Body></s:Envelope>";
        HttpResponse<String> response = LabClient.post("http://" + ip("hikvision") + ":" + PORT
                + "/onvif/device_service", hostile, Duration.ofSeconds(5));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ter:WellFormed").doesNotContain("root:");
        String hostileProbe = LabClient.probe(LabClient.newMessageId(), null)
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<!DOCTYPE x [<!ENTITY a \"b\">]>");
        assertThat(LabClient.exchange(ip("hikvision"), 3702, hostileProbe.getBytes(StandardCharsets.UTF_8), SILENCE))
                .isEmpty();
    }

    @Test
    void hikvisionFirmwareAnswersSadpAndOthersDoNot() throws Exception {
        for (String profile : List.of("hikvision", "hikvision-oem")) {
            String uuid = UUID.randomUUID().toString().toUpperCase();
            DatagramPacket reply = LabClient.exchange(ip(profile), 37020,
                    LabClient.sadpInquiry(uuid).getBytes(StandardCharsets.UTF_8), UDP_WAIT).orElseThrow();
            Document doc = LabClient.parse(LabClient.text(reply));
            CameraSpec camera = fleet.camera(ip(profile));
            assertThat(LabClient.first(doc, null, "Uuid")).isEqualTo(uuid);
            assertThat(LabClient.first(doc, null, "DeviceSN")).isEqualTo(camera.identity().serialNumber());
            assertThat(LabClient.first(doc, null, "MAC")).isEqualTo(camera.identity().mac().replace(':', '-'));
            assertThat(LabClient.first(doc, null, "IPv4Address")).isEqualTo(camera.ip());
            assertThat(LabClient.first(doc, null, "HttpPort")).isEqualTo(Integer.toString(PORT));
            assertThat(childNames(doc.getDocumentElement()))
                    .isEqualTo(childNames(LabClient.parse(recording("sadp-ProbeMatch.xml")).getDocumentElement()));
        }
        assertThat(LabClient.exchange(ip("axis"), 37020,
                LabClient.sadpInquiry("1").getBytes(StandardCharsets.UTF_8), SILENCE)).isEmpty();
    }

    private static List<String> childNames(org.w3c.dom.Element element) {
        List<String> names = new ArrayList<>();
        for (org.w3c.dom.Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e) {
                names.add(e.getLocalName());
            }
        }
        return names;
    }

    @Test
    void dahuaAnswersDhipSearchWithHeaderAndDeviceInfo() throws Exception {
        byte[] json = "{\"method\":\"DHDiscover.search\",\"params\":{\"mac\":\"\",\"uni\":1}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer request = ByteBuffer.allocate(32 + json.length).order(ByteOrder.LITTLE_ENDIAN);
        request.putInt(0x20).put("DHIP".getBytes(StandardCharsets.US_ASCII)).putInt(7).putInt(9)
                .putInt(json.length).putInt(0).putInt(json.length).putInt(0).put(json);

        DatagramPacket reply = LabClient.exchange(ip("dahua"), 37810, request.array(), UDP_WAIT).orElseThrow();

        ByteBuffer header = ByteBuffer.wrap(reply.getData(), 0, reply.getLength()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getInt(0)).isEqualTo(32);
        assertThat(new String(reply.getData(), 4, 4, StandardCharsets.US_ASCII)).isEqualTo("DHIP");
        assertThat(header.getInt(8)).isEqualTo(7);
        assertThat(header.getInt(12)).isEqualTo(9);
        assertThat(header.getInt(16)).isEqualTo(reply.getLength() - 32).isEqualTo(header.getInt(24));
        JsonNode body = new ObjectMapper().readTree(new String(reply.getData(), 32, reply.getLength() - 32,
                StandardCharsets.UTF_8));
        CameraSpec camera = fleet.camera(ip("dahua"));
        JsonNode info = body.path("params").path("deviceInfo");
        assertThat(body.path("mac").asText()).isEqualTo(camera.identity().mac());
        assertThat(info.path("SerialNo").asText()).isEqualTo(camera.identity().serialNumber());
        assertThat(info.path("DeviceType").asText()).isEqualTo(camera.identity().model());
        assertThat(info.path("Vendor").asText()).isEqualTo("Dahua");
        JsonNode recorded = new ObjectMapper().readTree(recording("dhip-notifyDevInfo.json"));
        assertThat(fieldNames(info)).isEqualTo(fieldNames(recorded.path("params").path("deviceInfo")));
        assertThat(LabClient.exchange(ip("hikvision"), 37810, request.array(), SILENCE)).isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void servesHikvisionWebMarkersAndIsapiBehindDigest() throws Exception {
        String base = "http://" + ip("hikvision") + ":" + PORT;
        HttpResponse<String> login = LabClient.get(base + "/doc/page/login.asp", null);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Server")).hasValue("Hikvision-Webs");
        assertThat(login.body()).contains("Hikvision Digital Technology");
        HttpResponse<String> challenge = LabClient.get(base + "/ISAPI/System/deviceInfo", null);
        assertThat(challenge.statusCode()).isEqualTo(401);
        String wwwAuthenticate = challenge.headers().firstValue("WWW-Authenticate").orElseThrow();
        assertThat(wwwAuthenticate).startsWith("Digest ").contains("realm=\"DS-2CD2012-I\"");
        CameraSpec camera = fleet.camera(ip("hikvision"));
        HttpResponse<String> info = LabClient.get(base + "/ISAPI/System/deviceInfo",
                DigestAuthorization.answer(wwwAuthenticate, "GET", "/ISAPI/System/deviceInfo",
                        camera.onvif().username(), camera.onvif().password()));
        assertThat(info.statusCode()).isEqualTo(200);
        Document doc = LabClient.parse(info.body());
        String isapi = "http://www.hikvision.com/ver20/XMLSchema";
        assertThat(LabClient.first(doc, isapi, "macAddress")).isEqualTo(camera.identity().mac());
        assertThat(LabClient.first(doc, isapi, "serialNumber")).isEqualTo(camera.identity().serialNumber());
        assertThat(LabClient.first(doc, isapi, "firmwareVersion")).isEqualTo("V5.2.0");
    }

    @Test
    void servesDahuaWebMarkers() throws Exception {
        String base = "http://" + ip("dahua") + ":" + PORT;
        assertThat(LabClient.get(base + "/", null).body()).contains("<title>WEB SERVICE</title>");
        HttpResponse<String> rpc = LabClient.post(base + "/RPC2_Login",
                "{\"method\":\"global.login\",\"params\":{\"userName\":\"admin\"},\"id\":1}", Duration.ofSeconds(5));
        CameraSpec camera = fleet.camera(ip("dahua"));
        assertThat(new ObjectMapper().readTree(rpc.body()).path("params").path("realm").asText())
                .isEqualTo("Login to " + camera.identity().serialNumber());
        HttpResponse<String> magicBox = LabClient.get(base + "/cgi-bin/magicBox.cgi?action=getDeviceType", null);
        assertThat(magicBox.statusCode()).isEqualTo(401);
        String challenge = magicBox.headers().firstValue("WWW-Authenticate").orElseThrow();
        HttpResponse<String> type = LabClient.get(base + "/cgi-bin/magicBox.cgi?action=getDeviceType",
                DigestAuthorization.answer(challenge, "GET", "/cgi-bin/magicBox.cgi?action=getDeviceType",
                        camera.onvif().username(), camera.onvif().password()));
        assertThat(type.body().trim()).isEqualTo("type=" + camera.identity().model());
        assertThat(LabClient.get("http://" + ip("dahua-oem") + ":" + PORT + "/", null).body())
                .contains("Amcrest Technologies", "LDAPUser");
    }

    @Test
    void servesOtherVendorsWebMarkers() throws Exception {
        HttpResponse<String> xiongmai = LabClient.get("http://" + ip("xiongmai-oem") + ":" + PORT + "/", null);
        assertThat(xiongmai.headers().firstValue("Server")).hasValue("uc-httpd 1.0.0");
        assertThat(xiongmai.body()).contains("NETSurveillance WEB");
        HttpResponse<String> dlink = LabClient.get("http://" + ip("dlink") + ":" + PORT + "/", null);
        assertThat(dlink.statusCode()).isEqualTo(401);
        assertThat(dlink.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"DCS-6511\"");
        assertThat(LabClient.get("http://" + ip("axis") + ":" + PORT + "/", null).body()).contains("<title>AXIS</title>");
        assertThat(LabClient.get("http://" + ip("hanwha") + ":" + PORT + "/", null).body())
                .contains("<title>Hanwha Techwin</title>");
    }

    @Test
    void hikvisionWithOnvifDisabledIsFoundOnlyBySadpAndHttp() throws Exception {
        assertThat(LabClient.exchange(ONVIF_OFF, 3702,
                LabClient.probe(LabClient.newMessageId(), null).getBytes(StandardCharsets.UTF_8), SILENCE)).isEmpty();
        assertThat(LabClient.soap(ONVIF_OFF, PORT, "GetSystemDateAndTime", null, null, null).statusCode())
                .isEqualTo(404);
        assertThat(LabClient.exchange(ONVIF_OFF, 37020,
                LabClient.sadpInquiry("1").getBytes(StandardCharsets.UTF_8), UDP_WAIT)).isPresent();
        assertThat(LabClient.get("http://" + ONVIF_OFF + ":" + PORT + "/doc/page/login.asp", null).statusCode())
                .isEqualTo(200);
    }

    @Test
    void addressesWithoutCameraLookDead() throws Exception {
        String dead = "127.0.20.200";
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(dead, PORT), 2000);
            }
        }).isInstanceOf(ConnectException.class);
        assertThat(LabClient.exchange(dead, 3702,
                LabClient.probe(LabClient.newMessageId(), null).getBytes(StandardCharsets.UTF_8), SILENCE)).isEmpty();
    }

    private HttpResponse<String> authenticated(String profile, String operation) throws IOException, InterruptedException {
        CameraSpec camera = fleet.camera(ip(profile));
        return LabClient.soap(ip(profile), PORT, operation, camera.onvif().username(), camera.onvif().password(),
                Instant.now());
    }

    static String recording(String name) throws IOException {
        try (var in = ProtocolsTest.class.getClassLoader().getResourceAsStream("recordings/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
