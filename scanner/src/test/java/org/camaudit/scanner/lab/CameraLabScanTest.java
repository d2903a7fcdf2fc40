package org.camaudit.scanner.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camaudit.scanner.arp.ProcNetArpReader;
import org.camaudit.scanner.credentials.CredentialStore;
import org.camaudit.scanner.identify.Evidence;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.oui.OuiRegistry;
import org.camaudit.scanner.output.Json;
import org.camaudit.scanner.output.Observation;
import org.camaudit.scanner.scan.ScanEngine;
import org.camaudit.scanner.scan.ScanProgress;
import org.camaudit.scanner.scan.ScanSettings;
import org.camaudit.scanner.target.TargetSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scanner against a camera-lab fleet on 127.0.30.0/24 (unicast only: the host's loopback has
 * no multicast; the multicast path is proven by .ci/e2e/30-scanner-multicast.sh in a private
 * network namespace). One fleet holds every profile and every fault; one scan covers the /24.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CameraLabScanTest {

    private static final String PASSWORD = "Right-2026";
    private static final long THREE_YEARS = -3L * 365 * 24 * 3600;
    private static final String FLEET = """
            [
             {"ip":"127.0.30.10","profile":"hikvision","onvif":{"enabled":true,"auth":"digest","username":"admin","password":"%1$s"}},
             {"ip":"127.0.30.11","profile":"hikvision","onvif":{"enabled":false}},
             {"ip":"127.0.30.12","profile":"dahua","onvif":{"enabled":true,"auth":"digest","username":"admin","password":"%1$s"},"clockSkewSeconds":%2$d},
             {"ip":"127.0.30.13","profile":"axis","onvif":{"enabled":true,"auth":"none"}},
             {"ip":"127.0.30.14","profile":"hikvision-oem","onvif":{"enabled":true,"auth":"digest","username":"admin","password":"%1$s"}},
             {"ip":"127.0.30.15","profile":"bosch","onvif":{"enabled":true,"auth":"digest","username":"admin","password":"%1$s"}},
             {"ip":"127.0.30.16","profile":"pelco","onvif":{"enabled":true,"auth":"none"}},
             {"ip":"127.0.30.17","profile":"hanwha","onvif":{"enabled":true,"auth":"digest","username":"admin","password":"%1$s"}},
             {"ip":"127.0.30.18","profile":"uniview","onvif":{"enabled":true,"auth":"none"}},
             {"ip":"127.0.30.19","profile":"milesight","onvif":{"enabled":true,"auth":"digest","username":"admin","password":"%1$s"}},
             {"ip":"127.0.30.20","profile":"dlink","onvif":{"enabled":true,"auth":"none"}},
             {"ip":"127.0.30.21","profile":"xiongmai-oem","onvif":{"enabled":true,"auth":"none"}},
             {"ip":"127.0.30.22","profile":"generic-onvif","onvif":{"enabled":true,"auth":"digest","username":"admin","password":"%1$s"}},
             {"ip":"127.0.30.40","profile":"dahua","onvif":{"enabled":true,"auth":"digest","username":"admin","password":"Other-pass"},"faults":["lockout"]},
             {"ip":"127.0.30.41","profile":"axis","onvif":{"enabled":true,"auth":"none"},"faults":["slow"]},
             {"ip":"127.0.30.42","profile":"pelco","faults":["silent"]},
             {"ip":"127.0.30.43","profile":"bosch","onvif":{"enabled":true,"auth":"none"},"faults":["malformed"]},
             {"ip":"127.0.30.44","profile":"xiongmai-oem","onvif":{"enabled":true,"auth":"none"},"faults":["xxe"]},
             {"ip":"127.0.30.45","profile":"generic-onvif","onvif":{"enabled":true,"auth":"none"},"faults":["huge"]},
             {"ip":"127.0.30.46","profile":"milesight","onvif":{"enabled":true,"auth":"none"},"faults":["http500"]}
            ]
            """.formatted(PASSWORD, THREE_YEARS);

    private Path workDir;
    private CameraLabProcess lab;
    private Map<String, Observation> found;
    private String output;
    private long scanMillis;

    @BeforeAll
    void scanTheFleet() throws Exception {
        workDir = Files.createTempDirectory(Path.of("target"), "lab-");
        lab = CameraLabProcess.start(workDir, FLEET, List.of("camera-lab.slow-delay=1500ms",
                "camera-lab.lockout-duration=60s", "camera-lab.huge-body-bytes=8000000"));
        Path credentials = workDir.resolve("credentials.json");
        Files.writeString(credentials, "[{\"cidr\":\"127.0.30.0/24\",\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}]");
        long start = System.nanoTime();
        ScanEngine.Result result = new ScanEngine(settings(2000), CredentialStore.read(credentials),
                java.util.concurrent.CompletableFuture.completedFuture(OuiRegistry.load(Optional.empty())),
                new ProcNetArpReader(), ScanProgress.NONE)
                .run(TargetSet.resolve(List.of("127.0.30.0/24"), List.of(), 65_536, false));
        scanMillis = (System.nanoTime() - start) / 1_000_000;
        found = result.observations().stream().collect(Collectors.toMap(Observation::ip, Function.identity()));
        output = Json.MAPPER.writeValueAsString(result.observations());
        Files.writeString(workDir.resolve("scan.json"), output);
    }

    @AfterAll
    void stopTheLab() throws InterruptedException {
        if (lab != null) {
            lab.close();
        }
    }

    static ScanSettings settings(int timeoutMillis) {
        return new ScanSettings(Set.copyOf(ScanSettings.ALL_METHODS), false, Optional.empty(), Optional.empty(),
                List.of(80, 8000, 8080, 8899, 2020), 5000, 64, timeoutMillis, 1, true,
                new ScanSettings.Limits(1 << 20, 1 << 20, 16384, 65535, 1 << 20, 0.5, Duration.ofMillis(50), 2, 8, 4096));
    }

    private void assertIdentifiedAsInManifest(String ip, String canonicalManufacturer) {
        JsonNode identity = lab.camera(ip).path("identity");
        Observation observation = found.get(ip);
        assertThat(observation).as(ip + " found").isNotNull();
        assertThat(observation.manufacturer()).as(ip + " (null: the device names no usable manufacturer)")
                .isEqualTo(canonicalManufacturer);
        assertThat(observation.reportedManufacturer()).as(ip).isEqualTo(identity.path("manufacturer").asText());
        assertThat(observation.model()).as(ip).isEqualTo(identity.path("model").asText());
        assertThat(observation.firmwareVersion()).as(ip).isEqualTo(identity.path("firmwareVersion").asText());
        assertThat(observation.serialNumber()).as(ip).isEqualTo(identity.path("serialNumber").asText());
        assertThat(observation.mac()).as(ip).isEqualTo(identity.path("mac").asText().toLowerCase());
        assertThat(observation.discoveredBy()).as(ip).contains("ws-discovery", "onvif", "http");
    }

    @Test
    void shouldIdentifyEveryHealthyCameraByUnicastSweep() {
        assertIdentifiedAsInManifest("127.0.30.10", "Hikvision");
        assertIdentifiedAsInManifest("127.0.30.13", "Axis");
        assertIdentifiedAsInManifest("127.0.30.15", "Bosch");
        assertIdentifiedAsInManifest("127.0.30.16", "Pelco");
        assertIdentifiedAsInManifest("127.0.30.17", "Hanwha Vision");
        assertIdentifiedAsInManifest("127.0.30.18", "Uniview");
        assertIdentifiedAsInManifest("127.0.30.19", "Milesight");
        assertIdentifiedAsInManifest("127.0.30.20", "D-Link");
        assertIdentifiedAsInManifest("127.0.30.22", null);
        assertThat(found.get("127.0.30.10").evidence()).contains(
                new Evidence(Sources.OUI, "registryDate", "2026-08-26"));
    }

    @Test
    void shouldAnswerDahuaDiscoveryAndCorrectAClockYearsOff() {
        assertIdentifiedAsInManifest("127.0.30.12", "Dahua");
        Observation dahua = found.get("127.0.30.12");
        assertThat(dahua.discoveredBy()).contains("dhip");
        long offset = Long.parseLong(dahua.evidence().stream()
                .filter(e -> e.source().equals(Sources.ONVIF_DATE_TIME) && e.field().equals("clockOffsetSeconds"))
                .findFirst().orElseThrow().value());
        assertThat(offset).isBetween(THREE_YEARS - 5, THREE_YEARS + 5);
        assertThat(dahua.evidence()).contains(new Evidence(Sources.ONVIF_AUTH, "login", "accepted for user admin"));
    }

    @Test
    void shouldReportUnusableManufacturerVerbatimButNotAsTheManufacturer() {
        Observation xiongmai = found.get("127.0.30.21");
        assertThat(xiongmai.reportedManufacturer()).isEqualTo("H264");
        assertThat(xiongmai.manufacturer()).isNotEqualTo("H264");
        assertThat(xiongmai.model()).isEqualTo(lab.camera("127.0.30.21").path("identity").path("model").asText());
    }

    @Test
    void shouldKeepHikvisionEvidenceUnderAnotherBrand() {
        Observation trendnet = found.get("127.0.30.14");
        assertIdentifiedAsInManifest("127.0.30.14", "TRENDnet");
        assertThat(trendnet.evidence()).anyMatch(e -> e.source().equals(Sources.ONVIF_NAMESPACE));
        assertThat(trendnet.evidence()).anyMatch(e -> e.source().equals(Sources.HTTP_FINGERPRINT) && e.value().equals("Hikvision"));
        assertThat(trendnet.evidence()).anyMatch(e -> e.field().equals("manufacturerConflict"));
    }

    @Test
    void shouldFindOnvifDisabledHikvisionOverHttp() {
        Observation hidden = found.get("127.0.30.11");
        assertThat(hidden).isNotNull();
        assertThat(hidden.manufacturer()).isEqualTo("Hikvision");
        assertThat(hidden.discoveredBy()).contains("http").doesNotContain("onvif", "ws-discovery");
        assertThat(hidden.evidence()).anyMatch(e -> e.source().equals(Sources.HTTP_PATH));
    }

    @Test
    void shouldTryAWrongPasswordOnlyOnceOnALockingCamera() {
        Observation locked = found.get("127.0.30.40");
        assertThat(locked).isNotNull();
        assertThat(locked.evidence().stream().filter(e -> e.source().equals(Sources.ONVIF_AUTH)).toList())
                .containsExactly(new Evidence(Sources.ONVIF_AUTH, "login", "rejected for user admin"));
        assertThat(locked.onvif().authRequired()).isTrue();
        assertThat(locked.manufacturer()).as("still identified by its discovery protocol").isEqualTo("Dahua");
        assertThat(locked.serialNumber()).isEqualTo(lab.camera("127.0.30.40").path("identity").path("serialNumber").asText());
    }

    @Test
    void shouldWaitForASlowCameraWithinTheTimeout() {
        assertThat(found.get("127.0.30.41")).isNotNull();
        assertThat(found.get("127.0.30.41").manufacturer()).isEqualTo("Axis");
    }

    @Test
    void shouldLeaveASilentCameraOutAndStillFinish() {
        assertThat(found).doesNotContainKey("127.0.30.42");
        assertThat(scanMillis).as("bounded: sweep, window and per-device budgets").isLessThan(120_000);
    }

    @Test
    void shouldSurviveMalformedRepliesAndSayWhy() {
        Observation broken = found.get("127.0.30.43");
        assertThat(broken).isNotNull();
        assertThat(broken.evidence()).anyMatch(e -> e.source().equals(Sources.ONVIF_ERROR) && e.value().contains("malformed"));
        assertThat(broken.discoveredBy()).as("its unreadable discovery reply still counts").contains("ws-discovery");
        assertThat(broken.evidence()).anyMatch(e -> e.source().equals("ws-discovery") && e.field().equals("reply")
                && e.value().startsWith("could not be parsed"));
        assertThat(broken.identification().status()).isEqualTo("unidentified");
        assertThat(broken.identification().reasons()).contains("reply could not be parsed");
    }

    @Test
    void shouldRefuseExternalEntitiesSoNoLocalFileLeaks() throws IOException {
        String passwdFirstLine = Files.readAllLines(Path.of("/etc/passwd")).get(0);
        assertThat(output).doesNotContain(passwdFirstLine).doesNotContain("root:x:0:0");
        Observation xxe = found.get("127.0.30.44");
        assertThat(xxe).isNotNull();
        assertThat(xxe.evidence()).anyMatch(e -> e.source().equals(Sources.ONVIF_ERROR) && e.value().contains("DOCTYPE"));
        assertThat(xxe.discoveredBy()).contains("ws-discovery");
        assertThat(xxe.identification().reasons()).contains("reply could not be parsed");
    }

    @Test
    void shouldCapHugeReplies() {
        Observation huge = found.get("127.0.30.45");
        assertThat(huge).isNotNull();
        assertThat(huge.evidence()).anyMatch(e -> e.source().equals(Sources.ONVIF_ERROR)
                && (e.value().contains("larger than") || e.value().contains("timed out")));
    }

    @Test
    void shouldReportHttp500CameraFromDiscovery() {
        Observation failing = found.get("127.0.30.46");
        assertThat(failing).isNotNull();
        assertThat(failing.discoveredBy()).contains("ws-discovery");
        assertThat(failing.evidence()).anyMatch(e -> e.source().equals(Sources.ONVIF_ERROR) && e.value().contains("HTTP 500"));
    }

    @Test
    void shouldReportNoAddressWithoutACamera() {
        Set<String> manifestIps = new java.util.HashSet<>();
        lab.manifest().forEach(c -> manifestIps.add(c.path("ip").asText()));
        assertThat(manifestIps).containsAll(found.keySet());
    }
}
