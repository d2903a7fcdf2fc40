package org.camaudit.cameralab.sadp;

import java.util.Map;
import java.util.Optional;

import org.camaudit.cameralab.camera.Camera;
import org.camaudit.cameralab.camera.FaultyReplies;
import org.camaudit.cameralab.xml.SafeXml;
import org.camaudit.cameralab.xml.XmlElement;

/**
 * Hikvision SADP on UDP 37020: an XML {@code <Probe><Uuid/><Types>inquiry</Types></Probe>} is
 * answered with a {@code ProbeMatch} carrying model, serial, MAC, firmware, ports and activation
 * state, echoing the inquiry's Uuid.
 */
public final class Sadp {

    public static final int PORT = 37020;

    private Sadp() {
    }

    public static Optional<String> answer(Camera camera, byte[] datagram) {
        return parseInquiry(datagram).map(uuid -> answer(camera, uuid));
    }

    /** The Uuid of {@code datagram} when it is an SADP inquiry. */
    public static Optional<String> parseInquiry(byte[] datagram) {
        XmlElement probe;
        try {
            probe = SafeXml.parse(datagram);
        } catch (SafeXml.InvalidXmlException e) {
            return Optional.empty();
        }
        if (!"Probe".equals(probe.localName())
                || !probe.child("Types").map(t -> t.text().equalsIgnoreCase("inquiry")).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(probe.child("Uuid").map(XmlElement::text).orElse(""));
    }

    /** The camera's ProbeMatch for the inquiry {@code uuid}. */
    public static String answer(Camera camera, String uuid) {
        String reply = camera.render(camera.profile().sadpReply(), Map.of("requestUuid", uuid));
        return FaultyReplies.xml(camera, reply);
    }
}
