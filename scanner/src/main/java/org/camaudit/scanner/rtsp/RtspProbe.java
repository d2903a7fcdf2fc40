package org.camaudit.scanner.rtsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camaudit.scanner.http.HttpFingerprintProbe;
import org.camaudit.scanner.http.HttpFingerprints;
import org.camaudit.scanner.identify.DeviceFacts;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.probe.DeviceProbe;
import org.camaudit.scanner.probe.HeaderValues;
import org.camaudit.scanner.probe.ProbeContext;
import org.camaudit.scanner.tcp.PortRoles;

/**
 * RTSP fingerprints on a device's open RTSP ports: {@code OPTIONS} gives the Server header; when it
 * names no realm, one {@code DESCRIBE} without credentials gives the challenge's realm (unless the
 * device has already refused the scanner for want of credentials). Only headers are read, capped.
 */
public final class RtspProbe implements DeviceProbe {

    public static final String METHOD = "rtsp";
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final Pattern LINE_BREAK = Pattern.compile("\r?\n");

    private final HttpFingerprints fingerprints;

    public RtspProbe(HttpFingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    /** The status and headers of one RTSP reply. */
    record Reply(int status, List<String[]> headers) {
        Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }
    }

    @Override
    public String method() {
        return METHOD;
    }

    @Override
    public void probe(DeviceFacts facts, ProbeContext context) {
        for (int port : context.ports()) {
            if (!PortRoles.isRtsp(port) || context.expired()) {
                continue;
            }
            InetSocketAddress address = new InetSocketAddress(facts.ip(), port);
            String url = "rtsp://" + facts.ip() + ":" + port + "/";
            Optional<Reply> options = exchange(address, "OPTIONS " + url + " RTSP/1.0\r\nCSeq: 1\r\n", context);
            if (options.isEmpty()) {
                continue;
            }
            String field = "port " + port;
            facts.discoveredBy(METHOD);
            options.get().header("Server").map(HeaderValues::clip).ifPresent(server -> {
                facts.add(Sources.RTSP_SERVER, field, server);
                fingerprints.match("rtsp-server", server)
                        .forEach(f -> facts.add(Sources.RTSP_FINGERPRINT, "server " + f.source(), f.vendor()));
            });
            Optional<String> realm = options.get().header("WWW-Authenticate").flatMap(HttpFingerprintProbe::realm);
            if (realm.isEmpty() && !facts.hasRefusedForCredentials() && !context.expired()) {
                realm = exchange(address, "DESCRIBE " + url + " RTSP/1.0\r\nCSeq: 2\r\nAccept: application/sdp\r\n",
                        context).flatMap(r -> r.header("WWW-Authenticate")).flatMap(HttpFingerprintProbe::realm);
            }
            realm.ifPresent(r -> {
                facts.add(Sources.RTSP_REALM, field, r);
                fingerprints.match("rtsp-realm", r)
                        .forEach(f -> facts.add(Sources.RTSP_FINGERPRINT, "realm " + f.source(), f.vendor()));
            });
        }
    }

    private static Optional<Reply> exchange(InetSocketAddress address, String request, ProbeContext context) {
        int timeout = (int) context.http().connectTimeoutMillis();
        try (Socket socket = new Socket()) {
            socket.connect(address, timeout);
            socket.setSoTimeout(timeout);
            socket.getOutputStream().write((request + "User-Agent: camaudit\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return parse(readHeaders(socket.getInputStream()));
        } catch (IOException e) {
            // refused, timed out or reset: no RTSP service to fingerprint on this port
            return Optional.empty();
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int matched = 0;
        while (out.size() < MAX_HEADER_BYTES) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            out.write(b);
            matched = (b == '\r' || b == '\n') ? matched + 1 : 0;
            if (matched == 4) {
                break;
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The reply when it is RTSP ({@code RTSP/1.0 NNN ...}), else empty. */
    static Optional<Reply> parse(String text) {
        String[] lines = LINE_BREAK.split(text);
        if (lines.length == 0 || !lines[0].toUpperCase(Locale.ROOT).startsWith("RTSP/1.")) {
            return Optional.empty();
        }
        String[] status = lines[0].split(" ", 3);
        int code;
        try {
            code = Integer.parseInt(status.length > 1 ? status[1].trim() : "");
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] { lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim() });
            }
        }
        return Optional.of(new Reply(code, headers));
    }
}
