package org.camaudit.cameralab.http;

import java.nio.charset.StandardCharsets;
import org.camaudit.cameralab.camera.Camera;
import org.camaudit.cameralab.config.LabConfig;
import org.camaudit.cameralab.fleet.Fault;
import org.camaudit.cameralab.onvif.DeviceService;
import org.camaudit.cameralab.onvif.DeviceService.SoapReply;
import org.camaudit.cameralab.profile.Profile.Page;

import io.quarkus.logging.Log;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * A camera's HTTP port: the ONVIF service under {@code /onvif/} and the web UI pages of its
 * profile (Server header, login pages, 401 realms, vendor API paths), with the camera's faults.
 */
public final class CameraHttpHandler implements Handler<HttpServerRequest> {

    static final String SOAP_CONTENT_TYPE = "application/soap+xml; charset=utf-8";
    private static final String SERVER_ERROR_PAGE =
            "<html><head><title>500 Internal Server Error</title></head><body><h1>500 Internal Server Error</h1></body></html>";
    private static final String FORBIDDEN_PAGE =
            "<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1></body></html>";
    private static final int HUGE_CHUNK_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final Camera camera;
    private final LabConfig config;

    public CameraHttpHandler(Vertx vertx, Camera camera, LabConfig config) {
        this.vertx = vertx;
        this.camera = camera;
        this.config = config;
    }

    @Override
    public void handle(HttpServerRequest request) {
        if (camera.has(Fault.SILENT)) {
            request.handler(ignored -> {
            });
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && !fitsLimit(length)) {
            request.response().setStatusCode(413).putHeader("Connection", "close").end();
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > config.maxRequestBytes()) {
                request.connection().close();
            } else {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ended -> {
            if (camera.has(Fault.SLOW)) {
                vertx.setTimer(config.slowDelay().toMillis(), timer -> serve(request, body));
            } else {
                serve(request, body);
            }
        });
    }

    private boolean fitsLimit(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) <= config.maxRequestBytes();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void serve(HttpServerRequest request, Buffer body) {
        HttpServerResponse response = request.response();
        if (response.closed()) {
            return;
        }
        String server = camera.profile().server();
        if (server != null) {
            response.putHeader("Server", server);
        }
        if (camera.has(Fault.HTTP500)) {
            response.setStatusCode(500).putHeader("Content-Type", "text/html").end(SERVER_ERROR_PAGE);
            return;
        }
        boolean soap = request.path().startsWith(DeviceService.PATH_PREFIX)
                && request.method().name().equals("POST") && camera.onvif().isEnabled();
        if (camera.lockedOut()) {
            if (soap) {
                sendSoap(response, DeviceService.notAuthorized(camera, false));
            } else {
                response.setStatusCode(403).putHeader("Content-Type", "text/html").end(FORBIDDEN_PAGE);
            }
            return;
        }
        if (soap) {
            SoapReply reply = DeviceService.handle(camera, body.getBytes(), config.clockTolerance());
            if (reply.loginFailed()) {
                logRefusal(request, "NotAuthorized");
            }
            registerLogin(reply.loginFailed());
            if (camera.has(Fault.HUGE) && reply.status() == 200) {
                streamHuge(response, reply.body());
            } else {
                sendSoap(response, reply);
            }
            return;
        }
        servePage(request, response);
    }

    private void sendSoap(HttpServerResponse response, SoapReply reply) {
        response.setStatusCode(reply.status()).putHeader("Content-Type", SOAP_CONTENT_TYPE).end(reply.body());
    }

    /**
     * Like a camera's security log, one line per request refused for want of valid credentials, so
     * a test can count what a scanner's requests cost a camera that locks out.
     */
    private void logRefusal(HttpServerRequest request, String why) {
        Log.infof("camera %s refused %s %s: %s", camera.ip(), request.method().name(), request.path(), why);
    }

    private void registerLogin(boolean failed) {
        if (failed && camera.has(Fault.LOCKOUT)) {
            camera.lockOutFor(config.lockoutDuration().toMillis());
        }
    }

    private void servePage(HttpServerRequest request, HttpServerResponse response) {
        Page page = findPage(request);
        if (page.auth() != null) {
            String realm = camera.render(page.realm());
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (!HttpAuth.verify(page.auth(), authorization, request.method().name(), realm,
                    camera.onvif().username(), camera.onvif().password())) {
                logRefusal(request, authorization == null ? "401 challenge" : "401 login failed");
                registerLogin(authorization != null);
                response.setStatusCode(401)
                        .putHeader("WWW-Authenticate", HttpAuth.challenge(page.auth(), realm))
                        .putHeader("Content-Type", "text/html")
                        .end("<html><head><title>Document Error: Unauthorized</title></head><body>"
                                + "<h2>Access Error: 401 -- Unauthorized</h2></body></html>");
                return;
            }
        }
        page.headers().forEach(response::putHeader);
        response.setStatusCode(page.status()).putHeader("Content-Type", page.contentType())
                .end(camera.render(page.body()));
    }

    private Page findPage(HttpServerRequest request) {
        String method = request.method().name();
        String query = request.query();
        for (Page page : camera.profile().pages()) {
            if (page.path().equals(request.path()) && page.method().equals(method)
                    && (page.query() == null || page.query().equals(query))) {
                return page;
            }
        }
        return camera.profile().notFound();
    }

    /**
     * Streams a well-formed start of the reply, then padding until {@code huge-body-bytes}, with
     * back-pressure so the lab never holds more than one chunk per connection.
     */
    private void streamHuge(HttpServerResponse response, String reply) {
        int bodyStart = reply.indexOf("Body>") + 5;
        String head = reply.substring(0, bodyStart);
        Buffer padding = Buffer.buffer(("<!--" + "x".repeat(HUGE_CHUNK_BYTES - 7) + "-->").getBytes(StandardCharsets.US_ASCII));
        response.setStatusCode(200).putHeader("Content-Type", SOAP_CONTENT_TYPE).setChunked(true);
        response.write(head);
        long[] remaining = {config.hugeBodyBytes() - head.length()};
        Runnable[] pump = new Runnable[1];
        pump[0] = () -> {
            while (remaining[0] > 0 && !response.writeQueueFull()) {
                if (response.closed()) {
                    return;
                }
                response.write(padding);
                remaining[0] -= padding.length();
            }
            if (remaining[0] > 0) {
                response.drainHandler(drained -> pump[0].run());
            } else {
                response.end(reply.substring(bodyStart));
            }
        };
        pump[0].run();
    }
}
