package org.camaudit.scanner.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camaudit.scanner.arp.ProcNetArpReader;
import org.camaudit.scanner.credentials.CredentialStore;
import org.camaudit.scanner.identify.Evidence;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.oui.OuiRegistry;
import org.camaudit.scanner.output.Observation;
import org.camaudit.scanner.scan.ScanEngine;
import org.camaudit.scanner.scan.ScanProgress;
import org.camaudit.scanner.scan.ScanSettings;
import org.camaudit.scanner.target.TargetSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.sun.net.httpserver.HttpServer;

/**
 * A camera VLAN seen across a router: no multicast reaches it, so SADP and WS-Discovery multicast
 * find nothing. With the default options (the TCP sweep of the default ports) the scan still finds
 * a Hikvision camera with ONVIF off, a relabelled Hikvision unit with ONVIF off and a web-only
 * camera, and reports neither a plain web server nor a host with a bare open port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoutedSubnetScanTest {

    private static final String FLEET = """
            [
             {"ip":"127.0.33.10","profile":"hikvision","onvif":{"enabled":false}},
             {"ip":"127.0.33.11","profile":"hikvision-oem","onvif":{"enabled":false}},
             {"ip":"127.0.33.12","profile":"axis","onvif":{"enabled":false}},
             {"ip":"127.0.33.13","profile":"dahua","onvif":{"enabled":true,"auth":"digest","username":"admin","password":"x"}}
            ]
            """;

    private CameraLabProcess lab;
    private HttpServer webServer;
    private ServerSocket bareOpenPort;
    private Map<String, Observation> found;

    @BeforeAll
    void scan() throws Exception {
        Path workDir = Files.createTempDirectory(Path.of("target"), "routed-");
        lab = CameraLabProcess.start(workDir, FLEET, List.of());
        webServer = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.33.30"), 80), 10);
        webServer.createContext("/", exchange -> {
            byte[] page = "<html><head><title>Welcome to nginx!</title></head></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Server", "nginx/1.24.0");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        webServer.start();
        bareOpenPort = new ServerSocket(8000, 10, InetAddress.getByName("127.0.33.31"));
        ScanSettings defaults = new ScanSettings(Set.copyOf(ScanSettings.ALL_METHODS), false, Optional.empty(),
                Optional.empty(), List.of(80, 443, 554, 8000, 8080, 37777), 5000, 64, 1000, 1, true,
                new ScanSettings.Limits(1 << 20, 1 << 20, 16384, 65535, 1 << 20, 0.5, Duration.ofMillis(50), 3, 8, 8192));
        ScanEngine.Result result = new ScanEngine(defaults, CredentialStore.empty(),
                CompletableFuture.completedFuture(OuiRegistry.load(Optional.empty())), new ProcNetArpReader(),
                ScanProgress.NONE).run(TargetSet.resolve(List.of("127.0.33.0/24"), List.of(), 65_536, false));
        found = result.observations().stream().collect(Collectors.toMap(Observation::ip, Function.identity()));
    }

    @AfterAll
    void stop() throws InterruptedException, IOException {
        if (webServer != null) {
            webServer.stop(0);
        }
        if (bareOpenPort != null) {
            bareOpenPort.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void shouldFindEveryCameraAndNothingElse() {
        assertThat(found).containsOnlyKeys("127.0.33.10", "127.0.33.11", "127.0.33.12", "127.0.33.13");
    }

    @Test
    void shouldFindHikvisionWithOnvifOffByItsWebServer() {
        Observation hikvision = found.get("127.0.33.10");
        assertThat(hikvision.manufacturer()).isEqualTo("Hikvision");
        assertThat(hikvision.discoveredBy()).contains("http").doesNotContain("ws-discovery", "sadp", "onvif");
        assertThat(hikvision.evidence()).anyMatch(e -> e.source().equals(Sources.TCP_OPEN) && e.value().contains("80"));
        assertThat(hikvision.identification().status()).isIn("partial", "unidentified");
        assertThat(hikvision.identification().reasons()).isNotEmpty();
    }

    @Test
    void shouldKeepHikvisionEvidenceOfARelabelledUnit() {
        Observation relabelled = found.get("127.0.33.11");
        assertThat(relabelled.evidence()).anyMatch(e -> e.source().equals(Sources.HTTP_FINGERPRINT)
                && e.value().equals("Hikvision"));
    }

    @Test
    void shouldFindAWebOnlyCamera() {
        assertThat(found.get("127.0.33.12").manufacturer()).isEqualTo("Axis");
        assertThat(found.get("127.0.33.12").discoveredBy()).containsExactly("http");
    }

    @Test
    void shouldStillUseDiscoveryWhereItAnswers() {
        assertThat(found.get("127.0.33.13").discoveredBy()).contains("ws-discovery", "dhip", "http");
    }

    @Test
    void shouldFingerprintRtspServersAndRealms() {
        assertThat(found.get("127.0.33.13").evidence())
                .contains(new Evidence(Sources.RTSP_SERVER, "port 554", "Dahua Rtsp Server"))
                .anyMatch(e -> e.source().equals(Sources.RTSP_FINGERPRINT) && e.value().equals("Dahua"));
        assertThat(found.get("127.0.33.10").discoveredBy()).contains("rtsp");
        assertThat(found.get("127.0.33.10").evidence())
                .contains(new Evidence(Sources.RTSP_REALM, "port 554", "Hikvision"));
        assertThat(found.get("127.0.33.12").discoveredBy()).as("Axis: no RTSP in the lab").doesNotContain("rtsp");
    }
}
