package org.camaudit.scanner.rtsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.camaudit.scanner.credentials.CredentialStore;
import org.camaudit.scanner.http.HttpFetcher;
import org.camaudit.scanner.http.HttpFingerprints;
import org.camaudit.scanner.identify.DeviceFacts;
import org.camaudit.scanner.identify.Evidence;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.probe.ProbeContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RTSP fingerprints against a raw RTSP server on port 554 of a loopback address. */
class RtspProbeTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<String> requests = new ArrayList<>();
    private ServerSocket server;

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
    }

    /** Answers OPTIONS with a Server header and DESCRIBE with a digest challenge, as Dahua firmware does. */
    private void serve(String ip) throws IOException {
        ServerSocket listening = new ServerSocket(554, 10, InetAddress.getByName(ip));
        server = listening;
        executor.execute(() -> {
            while (!listening.isClosed()) {
                try (Socket socket = listening.accept()) {
                    String request = head(socket.getInputStream());
                    synchronized (requests) {
                        requests.add(request.substring(0, request.indexOf(' ')));
                    }
                    String reply = request.startsWith("OPTIONS")
                            ? "RTSP/1.0 200 OK\r\nCSeq: 1\r\nServer: Dahua Rtsp Server\r\nPublic: OPTIONS, DESCRIBE\r\n\r\n"
                            : "RTSP/1.0 401 Unauthorized\r\nCSeq: 2\r\nWWW-Authenticate: Digest realm=\"Login to 4L0123456789ABC\", nonce=\"1\"\r\n\r\n";
                    socket.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    private static String head(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        while (!text.toString().endsWith("\r\n\r\n") && text.length() < 4096) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            text.append((char) b);
        }
        return text.toString();
    }

    private static ProbeContext context(List<Integer> ports) {
        return new ProbeContext(new HttpFetcher(1000, 2000, 16384, 4096), ports, CredentialStore.empty(), 1 << 20,
                System.nanoTime() + 5_000_000_000L);
    }

    @Test
    void shouldReadServerAndRealmAndRecogniseTheMaker() throws IOException {
        serve("127.0.35.1");
        DeviceFacts facts = new DeviceFacts("127.0.35.1");
        new RtspProbe(HttpFingerprints.shipped()).probe(facts, context(List.of(80, 554)));
        assertThat(facts.discoveredBy()).containsExactly("rtsp");
        assertThat(facts.evidence()).contains(new Evidence(Sources.RTSP_SERVER, "port 554", "Dahua Rtsp Server"),
                new Evidence(Sources.RTSP_REALM, "port 554", "Login to 4L0123456789ABC"));
        assertThat(facts.evidence()).filteredOn(e -> e.source().equals(Sources.RTSP_FINGERPRINT))
                .extracting(Evidence::value).containsOnly("Dahua");
        assertThat(requests).containsExactly("OPTIONS", "DESCRIBE");
    }

    @Test
    void shouldNotAskForARealmOnceTheDeviceRefusedForWantOfCredentials() throws IOException {
        serve("127.0.35.2");
        DeviceFacts facts = new DeviceFacts("127.0.35.2");
        facts.refusedForCredentials();
        new RtspProbe(HttpFingerprints.shipped()).probe(facts, context(List.of(554)));
        assertThat(requests).containsExactly("OPTIONS");
    }

    @Test
    void shouldIgnoreWhatIsNotRtsp() {
        assertThat(RtspProbe.parse("HTTP/1.1 200 OK\r\nServer: x\r\n\r\n")).isEmpty();
        assertThat(RtspProbe.parse("RTSP/1.0 abc\r\n\r\n")).isEmpty();
        assertThat(RtspProbe.parse("RTSP/1.0 200 OK\r\nServer: Hipcam RealServer/V1.0\r\n\r\n").orElseThrow()
                .header("server")).contains("Hipcam RealServer/V1.0");
    }
}
