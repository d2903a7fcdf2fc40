package org.camaudit.cameralab.onvif;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.camaudit.cameralab.camera.Camera;
import org.camaudit.cameralab.camera.FaultyReplies;
import org.camaudit.cameralab.profile.Profile.SoapFault;
import org.camaudit.cameralab.profile.Template;
import org.camaudit.cameralab.xml.SafeXml;
import org.camaudit.cameralab.xml.XmlElement;

/**
 * The ONVIF device service (SOAP 1.2 over HTTP POST). GetSystemDateAndTime is always answered
 * without authentication; with {@code auth: digest} every other operation needs a valid
 * UsernameToken. Operations the camera does not implement get the fault its firmware was recorded
 * sending.
 */
public final class DeviceService {

    public static final String PATH_PREFIX = "/onvif/";
    static final String UNAUTHENTICATED_OPERATION = "GetSystemDateAndTime";

    private DeviceService() {
    }

    /**
     * One SOAP reply.
     *
     * @param loginFailed the request carried no valid credentials for an operation that needs them
     */
    public record SoapReply(int status, String body, boolean loginFailed) {
    }

    public static SoapReply handle(Camera camera, byte[] request, Duration clockTolerance) {
        XmlElement envelope;
        try {
            envelope = SafeXml.parse(request);
        } catch (SafeXml.InvalidXmlException e) {
            return fault(camera, camera.profile().wellFormed(), "", false);
        }
        Optional<String> operation = envelope.path("Body").flatMap(XmlElement::firstChild).map(XmlElement::localName);
        if (!"Envelope".equals(envelope.localName()) || operation.isEmpty()) {
            return fault(camera, camera.profile().wellFormed(), "", false);
        }
        String op = operation.get();
        if (!op.equals(UNAUTHENTICATED_OPERATION) && camera.onvif().requiresDigest()
                && !UsernameToken.verify(envelope, camera.onvif().username(), camera.onvif().password(),
                        camera.now(), clockTolerance)) {
            return notAuthorized(camera, true);
        }
        Template reply = camera.profile().operations().get(op);
        if (reply != null) {
            return new SoapReply(200, FaultyReplies.xml(camera, camera.render(reply)), false);
        }
        SoapFault fault = camera.profile().recordedFault().apply(op).orElse(camera.profile().unknownOperation());
        return fault(camera, fault, op, false);
    }

    /** The profile's NotAuthorized fault, with the HTTP status its firmware sends it with. */
    public static SoapReply notAuthorized(Camera camera, boolean loginFailed) {
        return fault(camera, camera.profile().notAuthorized(), "", loginFailed);
    }

    private static SoapReply fault(Camera camera, SoapFault fault, String operation, boolean loginFailed) {
        String body = camera.render(fault.template(), Map.of("operation", operation));
        return new SoapReply(fault.status(), FaultyReplies.xml(camera, body), loginFailed);
    }
}
