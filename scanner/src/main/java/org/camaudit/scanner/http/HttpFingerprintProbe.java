package org.camaudit.scanner.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camaudit.scanner.identify.DeviceFacts;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.probe.DeviceProbe;
import org.camaudit.scanner.probe.HeaderValues;
import org.camaudit.scanner.probe.ProbeContext;
import org.camaudit.scanner.tcp.PortRoles;

/**
 * Passive web fingerprints: {@code GET /} on each of {@code --ports}, keeping the Server header,
 * the realm of an authentication challenge and the page title, then, for a device that has not
 * identified itself otherwise, the known vendor paths on the first port that answered (compared
 * with a path that cannot exist, so a server that answers everything with 401 proves nothing).
 */
public final class HttpFingerprintProbe implements DeviceProbe {

    private static final Pattern REALM = Pattern.compile("realm\\s*=\\s*\"([^\"]{0,200})\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>([^<]{0,300})</title>", Pattern.CASE_INSENSITIVE);

    private final HttpFingerprints fingerprints;

    public HttpFingerprintProbe(HttpFingerprints fingerprints) {
        this.fingerprints = fingerprints;
    }

    @Override
    public String method() {
        return "http";
    }

    @Override
    public void probe(DeviceFacts facts, ProbeContext context) {
        Integer firstPort = null;
        for (int port : context.ports()) {
            if (context.expired()) {
                return;
            }
            if (!PortRoles.isHttp(port)) {
                continue;
            }
            InetSocketAddress address = new InetSocketAddress(facts.ip(), port);
            HttpResponse root;
            try {
                root = context.http().get(address, "/");
            } catch (IOException e) {
                continue;
            }
            facts.discoveredBy(method());
            facts.addHttpPort(port);
            record(facts, port, root);
            if (firstPort == null) {
                firstPort = port;
            }
        }
        if (firstPort != null && !identifiedByItsOwnProtocols(facts) && !facts.hasRefusedForCredentials()) {
            knownPaths(facts, context, new InetSocketAddress(facts.ip(), firstPort));
        }
    }

    /**
     * A device that gave its serial number over ONVIF or answered its maker's discovery protocol
     * needs no path probing: fewer requests, nothing more to learn.
     */
    private static boolean identifiedByItsOwnProtocols(DeviceFacts facts) {
        return facts.has(Sources.SADP) || facts.has(Sources.DHIP)
                || facts.first(Sources.ONVIF_DEVICE_INFORMATION, "SerialNumber").isPresent();
    }

    private void record(DeviceFacts facts, int port, HttpResponse response) {
        String portField = "port " + port;
        response.header("Server").map(HeaderValues::clip).ifPresent(server -> {
            facts.add(Sources.HTTP_SERVER, portField, server);
            fingerprints.match("server", server)
                    .forEach(f -> matched(facts, "server", f));
        });
        for (String challenge : response.headers("WWW-Authenticate")) {
            realm(challenge).ifPresent(realm -> {
                facts.add(Sources.HTTP_REALM, portField, realm);
                fingerprints.match("realm", realm)
                        .forEach(f -> matched(facts, "realm", f));
            });
        }
        String body = response.bodyText();
        Matcher title = TITLE.matcher(body);
        if (title.find()) {
            String text = HeaderValues.clip(title.group(1).trim());
            if (!text.isEmpty()) {
                facts.add(Sources.HTTP_TITLE, portField, text);
                fingerprints.match("title", text)
                        .forEach(f -> matched(facts, "title", f));
            }
        }
        fingerprints.match("body", body).forEach(f -> matched(facts, "body", f));
    }

    private void knownPaths(DeviceFacts facts, ProbeContext context, InetSocketAddress address) {
        int control;
        try {
            control = context.http().get(address, "/camaudit-" + UUID.randomUUID()).status();
        } catch (IOException e) {
            return;
        }
        for (HttpFingerprints.KnownPath known : fingerprints.paths()) {
            if (context.expired()) {
                return;
            }
            HttpResponse response;
            try {
                response = context.http().get(address, known.path());
            } catch (IOException e) {
                continue;
            }
            boolean statusMatches = known.statuses().contains(response.status()) && response.status() != control;
            boolean bodyMatches = known.body().map(p -> p.matcher(response.bodyText()).find()).orElse(true);
            if (statusMatches && bodyMatches) {
                facts.add(Sources.HTTP_PATH, known.path(), "HTTP " + response.status() + " (" + known.vendor() + ")");
                facts.add(Sources.HTTP_FINGERPRINT, "path " + known.source(), known.vendor());
            }
            fingerprints.match("body", response.bodyText())
                    .forEach(f -> matched(facts, "body", f));
        }
    }

    /** A maker's fingerprint names the maker; a chip's (HiSilicon's web server) only hints at the hardware inside. */
    private static void matched(DeviceFacts facts, String kind, HttpFingerprints.Fingerprint fingerprint) {
        String source = fingerprint.chip() ? Sources.HTTP_CHIP : Sources.HTTP_FINGERPRINT;
        facts.add(source, kind + " " + fingerprint.source(), fingerprint.vendor());
    }

    /** The realm of a WWW-Authenticate challenge. */
    public static Optional<String> realm(String challenge) {
        Matcher matcher = REALM.matcher(challenge);
        return matcher.find() ? Optional.of(HeaderValues.clip(matcher.group(1))) : Optional.empty();
    }
}
