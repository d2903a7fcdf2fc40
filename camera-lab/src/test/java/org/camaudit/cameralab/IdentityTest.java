package org.camaudit.cameralab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camaudit.cameralab.camera.CameraLab;
import org.camaudit.cameralab.fleet.CameraSpec;
import org.camaudit.cameralab.fleet.FleetResolver;
import org.camaudit.cameralab.fleet.Identity;
import org.camaudit.cameralab.profile.ProfileRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

import io.quarkus.test.junit.QuarkusTest;

/** An identity from the fleet file overrides the profile, and every protocol tells the same story. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityTest {

    private static final int PORT = RunningFleet.HTTP_PORT;
    private static final String HIKVISION = "127.0.23.1";
    private static final String DAHUA = "127.0.23.2";
    private static final Identity RELABELLED = new Identity("ACME Security", "AC-4000 <Pro> & Co", "V5.6.3 build 190923",
            "AC-400020200101AAWR123456789", "88", "44-19-B6-AA-BB-CC");
    private static final Identity DAHUA_UNIT = new Identity(null, "IPC-HFW1230S", "2.800.0000016.0.R, Build Date 2020-06-05",
            "6G0A1B2PAZ12345", null, "3c:ef:8c:01:02:03");

    @Inject
    CameraLab lab;

    @Inject
    ProfileRegistry profiles;

    private RunningFleet fleet;

    @BeforeAll
    void startFleet() {
        fleet = new RunningFleet(lab, profiles, List.of(
                new CameraSpec(HIKVISION, "hikvision", RELABELLED, null, null, null, null, null, null),
                new CameraSpec(DAHUA, "dahua", DAHUA_UNIT, null, null, null, null, null, null)));
    }

    @AfterAll
    void stopFleet() {
        fleet.close();
    }

    @Test
    void manifestCarriesTheOverriddenIdentityWithTheProfileFillingTheRest() {
        Identity hik = fleet.camera(HIKVISION).identity();
        assertThat(hik.manufacturer()).isEqualTo("ACME Security");
        assertThat(hik.mac()).isEqualTo("44:19:b6:aa:bb:cc");
        Identity dahua = fleet.camera(DAHUA).identity();
        assertThat(dahua.manufacturer()).isEqualTo("Dahua");
        assertThat(dahua.hardwareId()).isEqualTo("1.00");
    }

    @Test
    void hikvisionIdentityIsConsistentAcrossOnvifWsDiscoverySadpAndIsapi() throws Exception {
        Identity id = fleet.camera(HIKVISION).identity();
        Document info = LabClient.parse(soap(HIKVISION, "GetDeviceInformation"));
        assertThat(LabClient.first(info, LabClient.TDS, "Manufacturer")).isEqualTo(id.manufacturer());
        assertThat(LabClient.first(info, LabClient.TDS, "Model")).isEqualTo(id.model());
        assertThat(LabClient.first(info, LabClient.TDS, "FirmwareVersion")).isEqualTo(id.firmwareVersion());
        assertThat(LabClient.first(info, LabClient.TDS, "SerialNumber")).isEqualTo(id.serialNumber());
        String onvifMac = LabClient.first(LabClient.parse(soap(HIKVISION, "GetNetworkInterfaces")), LabClient.TT,
                "HwAddress");
        assertThat(onvifMac).isEqualTo(id.mac());

        Document probeMatches = LabClient.parse(LabClient.text(LabClient.exchange(HIKVISION, 3702,
                LabClient.probe(LabClient.newMessageId(), null).getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3))
                .orElseThrow()));
        assertThat(LabClient.first(probeMatches, LabClient.WSD, "Scopes"))
                .contains("onvif://www.onvif.org/hardware/AC-4000%20%3CPro%3E%20%26%20Co")
                .contains("onvif://www.onvif.org/name/ACME%20Security%20AC-4000");

        DatagramPacket sadp = LabClient.exchange(HIKVISION, 37020,
                LabClient.sadpInquiry("X").getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3)).orElseThrow();
        Document sadpReply = LabClient.parse(LabClient.text(sadp));
        assertThat(LabClient.first(sadpReply, null, "MAC").replace('-', ':')).isEqualTo(onvifMac);
        assertThat(LabClient.first(sadpReply, null, "DeviceSN")).isEqualTo(id.serialNumber());
        assertThat(LabClient.first(sadpReply, null, "DeviceDescription")).isEqualTo(id.model());
        assertThat(LabClient.first(sadpReply, null, "SoftwareVersion")).isEqualTo("V5.6.3build 190923");

        String base = "http://" + HIKVISION + ":" + PORT + "/ISAPI/System/deviceInfo";
        String challenge = LabClient.get(base, null).headers().firstValue("WWW-Authenticate").orElseThrow();
        Document isapi = LabClient.parse(LabClient.get(base, DigestAuthorization.answer(challenge, "GET",
                "/ISAPI/System/deviceInfo", FleetResolver.DEFAULT_USERNAME, FleetResolver.DEFAULT_PASSWORD)).body());
        String ns = "http://www.hikvision.com/ver20/XMLSchema";
        assertThat(LabClient.first(isapi, ns, "macAddress")).isEqualTo(onvifMac);
        assertThat(LabClient.first(isapi, ns, "model")).isEqualTo(id.model());
    }

    @Test
    void dahuaIdentityIsConsistentAcrossOnvifAndDhip() throws Exception {
        Identity id = fleet.camera(DAHUA).identity();
        Document info = LabClient.parse(soap(DAHUA, "GetDeviceInformation"));
        assertThat(LabClient.first(info, LabClient.TDS, "SerialNumber")).isEqualTo(id.serialNumber());
        assertThat(LabClient.first(info, LabClient.TDS, "Model")).isEqualTo("IPC-HFW1230S");
        byte[] json = "{\"method\":\"DHDiscover.search\",\"params\":{}}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer request = ByteBuffer.allocate(32 + json.length).order(ByteOrder.LITTLE_ENDIAN);
        request.putInt(0x20).put("DHIP".getBytes(StandardCharsets.US_ASCII)).putLong(0)
                .putInt(json.length).putInt(0).putInt(json.length).putInt(0).put(json);
        DatagramPacket reply = LabClient.exchange(DAHUA, 37810, request.array(), Duration.ofSeconds(3)).orElseThrow();
        JsonNode dhip = new ObjectMapper().readTree(new String(reply.getData(), 32, reply.getLength() - 32,
                StandardCharsets.UTF_8));
        assertThat(dhip.path("mac").asText())
                .isEqualTo(LabClient.first(LabClient.parse(soap(DAHUA, "GetNetworkInterfaces")), LabClient.TT, "HwAddress"));
        assertThat(dhip.path("params").path("deviceInfo").path("SerialNo").asText()).isEqualTo(id.serialNumber());
        assertThat(dhip.path("params").path("deviceInfo").path("Version").asText()).isEqualTo(id.firmwareVersion());
    }

    private static String soap(String ip, String operation) throws Exception {
        return LabClient.soap(ip, PORT, operation, FleetResolver.DEFAULT_USERNAME, FleetResolver.DEFAULT_PASSWORD,
                Instant.now()).body();
    }
}
