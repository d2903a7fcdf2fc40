package org.camaudit.cameralab.rtsp;

import java.nio.charset.StandardCharsets;

import org.camaudit.cameralab.camera.Camera;
import org.camaudit.cameralab.fleet.Fault;
import org.camaudit.cameralab.profile.ProfileDescriptor.RtspDescriptor;

import io.quarkus.logging.Log;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

/**
 * One RTSP connection: collects request heads up to their blank line and answers each in turn
 * (a {@code silent} camera reads and never answers, a {@code slow} one answers late). Every refusal
 * for want of credentials is logged like the web server's.
 */
public final class RtspConnection implements Handler<Buffer> {

    private final Vertx vertx;
    private final Camera camera;
    private final RtspDescriptor descriptor;
    private final NetSocket socket;
    private final long slowMillis;
    private final int maxHeadBytes;
    private Buffer pending = Buffer.buffer();

    public RtspConnection(Vertx vertx, Camera camera, RtspDescriptor descriptor, NetSocket socket, long slowMillis,
            int maxHeadBytes) {
        this.vertx = vertx;
        this.camera = camera;
        this.descriptor = descriptor;
        this.socket = socket;
        this.slowMillis = slowMillis;
        this.maxHeadBytes = maxHeadBytes;
    }

    @Override
    public void handle(Buffer chunk) {
        pending.appendBuffer(chunk);
        if (pending.length() > maxHeadBytes) {
            socket.close();
            return;
        }
        if (camera.has(Fault.SILENT)) {
            return;
        }
        String text = pending.toString(StandardCharsets.US_ASCII);
        int end;
        while ((end = text.indexOf("\r\n\r\n")) >= 0) {
            String head = text.substring(0, end);
            text = text.substring(end + 4);
            String reply = Rtsp.answer(camera, descriptor, head);
            if (reply == null) {
                socket.close();
                return;
            }
            if (Rtsp.refuses(reply)) {
                Log.infof("camera %s refused RTSP %s: 401 challenge", camera.ip(), head.split(" ", 2)[0]);
            }
            Buffer answer = Buffer.buffer(reply);
            if (camera.has(Fault.SLOW)) {
                vertx.setTimer(slowMillis, t -> socket.write(answer));
            } else {
                socket.write(answer);
            }
        }
        pending = Buffer.buffer(text);
    }
}
