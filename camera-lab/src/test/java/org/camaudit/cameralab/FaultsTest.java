package org.camaudit.cameralab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.camaudit.cameralab.camera.CameraLab;
import org.camaudit.cameralab.config.LabConfig;
import org.camaudit.cameralab.fleet.CameraSpec;
import org.camaudit.cameralab.fleet.Fault;
import org.camaudit.cameralab.fleet.FleetResolver;
import org.camaudit.cameralab.profile.ProfileRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.xml.sax.SAXParseException;

import io.quarkus.test.junit.QuarkusTest;

/** Each fault makes a camera misbehave the way the scanner must survive. Timings come from %test config. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultsTest {

    private static final int PORT = RunningFleet.HTTP_PORT;
    private static final String SLOW = "127.0.22.1";
    private static final String SILENT = "127.0.22.2";
    private static final String MALFORMED = "127.0.22.3";
    private static final String XXE = "127.0.22.4";
    private static final String HUGE = "127.0.22.5";
    private static final String LOCKOUT = "127.0.22.6";
    private static final String HTTP500 = "127.0.22.7";

    @Inject
    CameraLab lab;

    @Inject
    ProfileRegistry profiles;

    @Inject
    LabConfig config;

    private RunningFleet fleet;

    @BeforeAll
    void startFleet() {
        fleet = new RunningFleet(lab, profiles, List.of(
                camera(SLOW, "hikvision", Fault.SLOW), camera(SILENT, "hikvision", Fault.SILENT),
                camera(MALFORMED, "dahua", Fault.MALFORMED), camera(XXE, "axis", Fault.XXE),
                camera(HUGE, "bosch", Fault.HUGE), camera(LOCKOUT, "dahua", Fault.LOCKOUT),
                camera(HTTP500, "pelco", Fault.HTTP500)));
    }

    private static CameraSpec camera(String ip, String profile, Fault fault) {
        return new CameraSpec(ip, profile, null, null, null, null, null, null, List.of(fault));
    }

    @AfterAll
    void stopFleet() {
        fleet.close();
    }

    @Test
    void slowCameraAnswersOnlyAfterItsDelay() throws Exception {
        Duration delay = config.slowDelay();
        Duration impatient = delay.dividedBy(3);
        assertThatThrownBy(() -> LabClient.post(url(SLOW), LabClient.soapRequest("GetSystemDateAndTime", null, null, null),
                impatient)).isInstanceOf(HttpTimeoutException.class);
        assertThat(LabClient.post(url(SLOW), LabClient.soapRequest("GetSystemDateAndTime", null, null, null),
                delay.multipliedBy(4)).statusCode()).isEqualTo(200);
        byte[] probe = LabClient.probe(LabClient.newMessageId(), null).getBytes(StandardCharsets.UTF_8);
        assertThat(LabClient.exchange(SLOW, 3702, probe, impatient)).isEmpty();
        assertThat(LabClient.exchange(SLOW, 3702, probe, delay.multipliedBy(4))).isPresent();
    }

    @Test
    void silentCameraAcceptsButNeverAnswers() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(SILENT, PORT), 2000);
            socket.getOutputStream().write(("POST /onvif/device_service HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(800);
            InputStream in = socket.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(LabClient.exchange(SILENT, 3702,
                LabClient.probe(LabClient.newMessageId(), null).getBytes(StandardCharsets.UTF_8), Duration.ofMillis(800)))
                .isEmpty();
        assertThat(LabClient.exchange(SILENT, 37020, LabClient.sadpInquiry("1").getBytes(StandardCharsets.UTF_8),
                Duration.ofMillis(800))).isEmpty();
    }

    @Test
    void malformedCameraSendsXmlNoParserAccepts() throws Exception {
        HttpResponse<String> reply = LabClient.soap(MALFORMED, PORT, "GetSystemDateAndTime", null, null, null);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> LabClient.parse(reply.body())).isInstanceOf(SAXParseException.class);
        String probeMatches = LabClient.text(LabClient.exchange(MALFORMED, 3702,
                LabClient.probe(LabClient.newMessageId(), null).getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3))
                .orElseThrow());
        assertThatThrownBy(() -> LabClient.parse(probeMatches)).isInstanceOf(SAXParseException.class);
    }

    @Test
    void xxeCameraDeclaresAnExternalEntityOnALocalFile() throws Exception {
        HttpResponse<String> reply = LabClient.soap(XXE, PORT, "GetDeviceInformation",
                FleetResolver.DEFAULT_USERNAME, FleetResolver.DEFAULT_PASSWORD, Instant.now());
        assertThat(reply.body()).contains("<!ENTITY xxe SYSTEM \"file:///etc/passwd\">").contains("&xxe;")
                .doesNotContain("root:x:0:0");
        assertThatThrownBy(() -> LabClient.parse(reply.body())).isInstanceOf(SAXParseException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void hugeCameraStreamsABodyLargerThanItsLimit() throws Exception {
        HttpResponse<InputStream> reply = LabClient.HTTP.send(HttpRequest.newBuilder(URI.create(url(HUGE)))
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(LabClient.soapRequest("GetSystemDateAndTime", null, null, null)))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(reply.headers().firstValue("Content-Length")).isEmpty();
        long total = 0;
        try (InputStream in = reply.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        }
        assertThat(total).isGreaterThanOrEqualTo(config.hugeBodyBytes());
    }

    @Test
    void lockoutCameraRefusesEverythingAfterOneFailedLogin() throws Exception {
        assertThat(LabClient.soap(LOCKOUT, PORT, "GetDeviceInformation", FleetResolver.DEFAULT_USERNAME,
                FleetResolver.DEFAULT_PASSWORD, Instant.now()).statusCode()).isEqualTo(200);

        assertThat(LabClient.soap(LOCKOUT, PORT, "GetDeviceInformation", FleetResolver.DEFAULT_USERNAME, "guess",
                Instant.now()).statusCode()).isEqualTo(401);

        assertThat(LabClient.soap(LOCKOUT, PORT, "GetDeviceInformation", FleetResolver.DEFAULT_USERNAME,
                FleetResolver.DEFAULT_PASSWORD, Instant.now()).statusCode()).isEqualTo(401);
        assertThat(LabClient.soap(LOCKOUT, PORT, "GetSystemDateAndTime", null, null, null).statusCode()).isEqualTo(401);
        assertThat(LabClient.get("http://" + LOCKOUT + ":" + PORT + "/", null).statusCode()).isEqualTo(403);

        long deadline = System.nanoTime() + config.lockoutDuration().multipliedBy(5).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            Thread.sleep(200);
            status = LabClient.soap(LOCKOUT, PORT, "GetDeviceInformation", FleetResolver.DEFAULT_USERNAME,
                    FleetResolver.DEFAULT_PASSWORD, Instant.now()).statusCode();
        }
        assertThat(status).as("lockout ends").isEqualTo(200);
    }

    @Test
    void http500CameraFailsEveryRequest() throws Exception {
        assertThat(LabClient.soap(HTTP500, PORT, "GetSystemDateAndTime", null, null, null).statusCode()).isEqualTo(500);
        assertThat(LabClient.get("http://" + HTTP500 + ":" + PORT + "/", null).statusCode()).isEqualTo(500);
    }

    private static String url(String ip) {
        return "http://" + ip + ":" + PORT + "/onvif/device_service";
    }
}
