package org.camaudit.scanner.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camaudit.scanner.arp.ProcNetArpReader;
import org.camaudit.scanner.credentials.CredentialStore;
import org.camaudit.scanner.identify.Reasons;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.oui.OuiRegistry;
import org.camaudit.scanner.output.Observation;
import org.camaudit.scanner.scan.ScanEngine;
import org.camaudit.scanner.scan.ScanProgress;
import org.camaudit.scanner.target.TargetSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Open-source camera firmware (onvif_simple_server, Thingino) as the recordings show it: the
 * manufacturer in the WS-Discovery {@code hardware} scope, the model in {@code name}, anonymous
 * calls refused with NotAuthorized (HTTP 400 and 401). Scanned without credentials, with a wrong
 * password and with the right one; the lab logs every request it refuses, so the test counts what
 * the scan cost each camera. A Dahua camera with the {@code lockout} fault is scanned beside them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerFirmwareScanTest {

    private static final String RIGHT = "Right-2026";
    private static final String CAMERA = """
            {"ip":"%s","profile":"%s","identity":{"manufacturer":"%s","model":"%s"},
             "onvif":{"enabled":true,"auth":"digest","username":"admin","password":"%s"}%s}""";
    private static final String HIK_MODEL = "DS-2CD2143G2-I";
    private static final String DAHUA_MODEL = "IPC-HDW2431T-AS";

    private Path workDir;
    private CameraLabProcess lab;
    private Map<String, Observation> found;

    @BeforeAll
    void scan() throws Exception {
        workDir = Files.createTempDirectory(Path.of("target"), "peer-");
        String fleet = "[" + String.join(",",
                CAMERA.formatted("127.0.32.10", "onvif-simple-server", "HIKVISION", HIK_MODEL, RIGHT, ""),
                CAMERA.formatted("127.0.32.11", "thingino", "Dahua", DAHUA_MODEL, RIGHT, ""),
                CAMERA.formatted("127.0.32.12", "onvif-simple-server", "HIKVISION", HIK_MODEL, RIGHT, ""),
                CAMERA.formatted("127.0.32.13", "thingino", "Dahua", DAHUA_MODEL, RIGHT, ""),
                CAMERA.formatted("127.0.32.14", "onvif-simple-server", "HIKVISION", HIK_MODEL, RIGHT, ""),
                CAMERA.formatted("127.0.32.15", "thingino", "Dahua", DAHUA_MODEL, RIGHT, ""),
                CAMERA.formatted("127.0.32.16", "dahua", "Dahua", "IPC-HFW2431S-S-S2", RIGHT, ",\"faults\":[\"lockout\"]"))
                + "]";
        lab = CameraLabProcess.start(workDir, fleet, List.of("camera-lab.lockout-duration=60s"));
        Path credentials = workDir.resolve("credentials.json");
        Files.writeString(credentials, """
                [{"cidr":"127.0.32.12/31","username":"admin","password":"Wrong-1"},
                 {"cidr":"127.0.32.14/31","username":"admin","password":"%1$s"},
                 {"cidr":"127.0.32.16/32","username":"admin","password":"Wrong-2"}]""".formatted(RIGHT));
        ScanEngine.Result result = new ScanEngine(CameraLabScanTest.settings(2000), CredentialStore.read(credentials),
                CompletableFuture.completedFuture(OuiRegistry.load(Optional.empty())), new ProcNetArpReader(),
                ScanProgress.NONE).run(TargetSet.resolve(List.of("127.0.32.0/27"), List.of(), 65_536, false));
        found = result.observations().stream().collect(Collectors.toMap(Observation::ip, Function.identity()));
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (lab != null) {
            lab.close();
        }
    }

    /** Requests the lab logged as refused for want of valid credentials, per camera. */
    private long refusals(String ip) throws Exception {
        return Files.readAllLines(workDir.resolve("camera-lab.log")).stream()
                .filter(line -> line.contains("camera " + ip + " refused")).count();
    }

    private static void assertModelRightOrEmpty(Observation o, String model, String manufacturerName) {
        assertThat(o.model()).as(o.ip() + " model").isIn(model, null);
        assertThat(o.model()).as(o.ip() + " a manufacturer is never a model").isNotEqualToIgnoringCase(manufacturerName);
    }

    @Test
    void shouldTakeTheModelFromTheNameScopeAndTheMakerFromHardwareWithoutCredentials() throws Exception {
        Observation hik = found.get("127.0.32.10");
        Observation dahua = found.get("127.0.32.11");
        assertThat(hik.manufacturer()).isEqualTo("Hikvision");
        assertThat(hik.model()).isEqualTo(HIK_MODEL);
        assertThat(dahua.manufacturer()).isEqualTo("Dahua");
        assertThat(dahua.model()).isEqualTo(DAHUA_MODEL);
        for (Observation o : List.of(hik, dahua)) {
            assertThat(o.identification().status()).isEqualTo("partial");
            assertThat(o.identification().reasons()).contains(Reasons.ONVIF_REQUIRES_LOGIN, Reasons.NO_CREDENTIALS);
            assertThat(o.onvif().authRequired()).isTrue();
            assertThat(refusals(o.ip())).as(o.ip() + " refused requests").isEqualTo(1);
        }
    }

    @Test
    void shouldTryAWrongPasswordOnceAndSendNothingMoreThatNeedsIt() throws Exception {
        assertModelRightOrEmpty(found.get("127.0.32.12"), HIK_MODEL, "HIKVISION");
        assertModelRightOrEmpty(found.get("127.0.32.13"), DAHUA_MODEL, "Dahua");
        for (String ip : List.of("127.0.32.12", "127.0.32.13", "127.0.32.16")) {
            Observation o = found.get(ip);
            if (!o.identification().status().equals("complete")) {
                assertThat(o.identification().reasons()).as(ip).contains(Reasons.LOGIN_REJECTED);
            }
            assertThat(o.evidence().stream().filter(e -> e.source().equals(Sources.ONVIF_AUTH)).toList()).as(ip)
                    .hasSize(1);
            assertThat(refusals(ip)).as(ip + " refused requests").isEqualTo(1);
        }
        assertThat(found.get("127.0.32.16").manufacturer()).as("still identified by DHIP").isEqualTo("Dahua");
        assertThat(found.get("127.0.32.16").identification().status()).as("DHIP gives all four facts").isEqualTo("complete");
    }

    @Test
    void shouldPreferTheAuthenticatedAnswerAndRecordWhereScopesDisagree() throws Exception {
        Observation hik = found.get("127.0.32.14");
        assertThat(hik.manufacturer()).isEqualTo("Hikvision");
        assertThat(hik.model()).isEqualTo(HIK_MODEL);
        assertThat(hik.serialNumber()).isEqualTo(lab.camera("127.0.32.14").path("identity").path("serialNumber").asText());
        assertThat(hik.identification().status()).isEqualTo("complete");
        assertThat(hik.identification().reasons()).isEmpty();
        Observation thingino = found.get("127.0.32.15");
        assertThat(thingino.reportedManufacturer()).as("verbatim from GetDeviceInformation").isEqualTo("Debian GNU/Linux");
        assertThat(thingino.manufacturer()).as("the operating system names no maker; the scopes do").isEqualTo("Dahua");
        assertThat(thingino.model()).isEqualTo(DAHUA_MODEL);
        assertThat(thingino.identification().status()).isEqualTo("complete");
        for (String ip : List.of("127.0.32.14", "127.0.32.15")) {
            assertThat(refusals(ip)).as(ip + " refused requests").isZero();
        }
    }
}
