package org.camaudit.cameralab.wsdiscovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camaudit.cameralab.camera.Camera;
import org.camaudit.cameralab.camera.FaultyReplies;
import org.camaudit.cameralab.profile.Template;
import org.camaudit.cameralab.xml.SafeXml;
import org.camaudit.cameralab.xml.XmlElement;

/**
 * WS-Discovery (2005/04, as ONVIF uses it) on UDP 3702: answers Probes with ProbeMatches whose
 * RelatesTo is the Probe's MessageID, and writes the Hello and Bye a camera multicasts when it
 * starts and stops.
 */
public final class WsDiscovery {

    public static final int PORT = 3702;
    static final String DISCOVERY_NS = "http://schemas.xmlsoap.org/ws/2005/04/discovery";
    static final String PROBE_ACTION = DISCOVERY_NS + "/Probe";

    private WsDiscovery() {
    }

    /** The ProbeMatches for {@code datagram}, or empty when it is no Probe or asks for other types or scopes. */
    public static Optional<String> answer(Camera camera, byte[] datagram) {
        return parseProbe(datagram).flatMap(probe -> answer(camera, probe));
    }

    /** The envelope of {@code datagram} when it is a WS-Discovery Probe. */
    public static Optional<XmlElement> parseProbe(byte[] datagram) {
        XmlElement envelope;
        try {
            envelope = SafeXml.parse(datagram);
        } catch (SafeXml.InvalidXmlException e) {
            return Optional.empty();
        }
        Optional<XmlElement> probe = envelope.path("Body", "Probe");
        return probe.isPresent() && DISCOVERY_NS.equals(probe.get().namespace()) ? Optional.of(envelope)
                : Optional.empty();
    }

    /** The camera's ProbeMatches for an already parsed Probe envelope, when the Probe's types and scopes match. */
    public static Optional<String> answer(Camera camera, XmlElement envelope) {
        XmlElement probe = envelope.path("Body", "Probe").orElseThrow();
        if (!typesMatch(camera, probe) || !scopesMatch(camera, probe)) {
            return Optional.empty();
        }
        String messageId = envelope.path("Header", "MessageID").map(XmlElement::text).orElse("");
        String reply = camera.render(camera.profile().probeMatches(), Map.of(
                "messageId", UUID.randomUUID().toString(),
                "relatesTo", messageId,
                "messageNumber", Long.toString(camera.nextMessageNumber()),
                "scopes", camera.scopes(),
                "wsdTypes", camera.profile().descriptor().wsDiscoveryTypes()));
        return Optional.of(FaultyReplies.xml(camera, reply));
    }

    public static String hello(Camera camera) {
        return announcement(camera, camera.profile().hello());
    }

    public static String bye(Camera camera) {
        return announcement(camera, camera.profile().bye());
    }

    private static String announcement(Camera camera, Template template) {
        return camera.render(template, Map.of(
                "messageId", UUID.randomUUID().toString(),
                "messageNumber", Long.toString(camera.nextMessageNumber()),
                "scopes", camera.scopes(),
                "wsdTypes", camera.profile().descriptor().wsDiscoveryTypes()));
    }

    /** An empty Types matches; otherwise one requested type must be one the camera announces. */
    static boolean typesMatch(Camera camera, XmlElement probe) {
        Optional<XmlElement> types = probe.child("Types");
        if (types.isEmpty() || types.get().text().isEmpty()) {
            return true;
        }
        List<String> offered = qualified(camera.profile().descriptor().wsDiscoveryTypes(), null);
        for (String requested : qualified(types.get().text(), types.get())) {
            if (offered.contains(requested)) {
                return true;
            }
        }
        return false;
    }

    private static final Map<String, String> OWN_PREFIXES = Map.of(
            "tdn", "http://www.onvif.org/ver10/network/wsdl",
            "dn", "http://www.onvif.org/ver10/network/wsdl",
            "tds", "http://www.onvif.org/ver10/device/wsdl");

    /** QNames as {@code namespace|local}; an unresolvable prefix keeps only the local name. */
    private static List<String> qualified(String qnames, XmlElement context) {
        List<String> out = new ArrayList<>();
        for (String qname : qnames.trim().split("\\s+")) {
            int colon = qname.indexOf(':');
            String prefix = colon < 0 ? "" : qname.substring(0, colon);
            String local = qname.substring(colon + 1);
            Optional<String> ns = context == null ? Optional.ofNullable(OWN_PREFIXES.get(prefix))
                    : context.resolvePrefix(prefix);
            out.add(ns.map(n -> n + "|" + local).orElse(local));
            if (context == null) {
                out.add(local);
            }
        }
        return out;
    }

    /** Every requested scope must prefix one of the camera's scopes (the default RFC 3986 match). */
    static boolean scopesMatch(Camera camera, XmlElement probe) {
        Optional<XmlElement> scopes = probe.child("Scopes");
        if (scopes.isEmpty() || scopes.get().text().isEmpty()) {
            return true;
        }
        List<String> own = List.of(camera.scopes().split(" "));
        for (String requested : scopes.get().text().split("\\s+")) {
            if (own.stream().noneMatch(s -> s.startsWith(requested))) {
                return false;
            }
        }
        return true;
    }
}
