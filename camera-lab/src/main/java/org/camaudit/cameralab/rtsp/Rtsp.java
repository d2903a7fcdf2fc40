package org.camaudit.cameralab.rtsp;

import java.util.Locale;

import org.camaudit.cameralab.camera.Camera;
import org.camaudit.cameralab.profile.ProfileDescriptor.RtspDescriptor;
import org.camaudit.cameralab.profile.Template;

/**
 * RTSP (RFC 2326) on port 554, as far as a scanner sees it: {@code OPTIONS} is answered with the
 * firmware's {@code Server} header and the methods it offers; {@code DESCRIBE} and every other
 * request without credentials gets a 401 challenge with the firmware's realm. No stream is served.
 */
public final class Rtsp {

    public static final int PORT = 554;
    private static final String PUBLIC = "OPTIONS, DESCRIBE, SETUP, PLAY, PAUSE, TEARDOWN, GET_PARAMETER";

    private Rtsp() {
    }

    /** The reply to one request head (request line and headers), or null when it is not RTSP. */
    public static String answer(Camera camera, RtspDescriptor rtsp, String head) {
        String[] lines = head.split("\r?\n");
        String[] request = lines[0].split(" ");
        if (request.length != 3 || !request[2].toUpperCase(Locale.ROOT).startsWith("RTSP/1.")) {
            return null;
        }
        String cseq = "0";
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("CSeq")) {
                cseq = line.substring(colon + 1).trim();
            }
        }
        StringBuilder reply = new StringBuilder();
        if (request[0].equals("OPTIONS")) {
            reply.append("RTSP/1.0 200 OK\r\nCSeq: ").append(cseq).append("\r\n");
            server(rtsp, reply);
            reply.append("Public: ").append(PUBLIC).append("\r\n\r\n");
        } else {
            String realm = camera.render(Template.compile("rtsp-realm.txt", rtsp.realm()));
            reply.append("RTSP/1.0 401 Unauthorized\r\nCSeq: ").append(cseq).append("\r\n");
            server(rtsp, reply);
            reply.append("WWW-Authenticate: ").append("basic".equals(rtsp.auth()) ? "Basic" : "Digest")
                    .append(" realm=\"").append(realm).append('"');
            if (!"basic".equals(rtsp.auth())) {
                reply.append(", nonce=\"").append(Long.toHexString(System.nanoTime())).append('"');
            }
            reply.append("\r\n\r\n");
        }
        return reply.toString();
    }

    /** True when the reply refuses the request for want of credentials. */
    public static boolean refuses(String reply) {
        return reply.startsWith("RTSP/1.0 401");
    }

    private static void server(RtspDescriptor rtsp, StringBuilder reply) {
        if (rtsp.server() != null) {
            reply.append("Server: ").append(rtsp.server()).append("\r\n");
        }
    }
}
