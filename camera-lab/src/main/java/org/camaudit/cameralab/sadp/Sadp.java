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
        String uuid = probe.child("Uuid").map(XmlElement::text).orElse("");
        String reply = camera.render(camera.profile().sadpReply(), Map.of("requestUuid", uuid));
        return Optional.of(FaultyReplies.xml(camera, reply));
    }
}
