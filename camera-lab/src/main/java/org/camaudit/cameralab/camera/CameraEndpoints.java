package org.camaudit.cameralab.camera;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.camaudit.cameralab.config.LabConfig;
import org.camaudit.cameralab.dhip.Dhip;
import org.camaudit.cameralab.fleet.Fault;
import org.camaudit.cameralab.http.CameraHttpHandler;
import org.camaudit.cameralab.profile.ProfileDescriptor;
import org.camaudit.cameralab.rtsp.Rtsp;
import org.camaudit.cameralab.rtsp.RtspConnection;
import org.camaudit.cameralab.sadp.Sadp;
import org.camaudit.cameralab.wsdiscovery.WsDiscovery;
import org.camaudit.cameralab.xml.XmlElement;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.SocketAddress;

/**
 * The sockets of one camera, each bound to the camera's own address only (never a wildcard), so an
 * address without a camera refuses TCP and ignores UDP: WS-Discovery, SADP and DHIP datagram
 * sockets and the HTTP server.
 */
public final class CameraEndpoints {

    /** Where multicast goes: the WS-Discovery and SADP group. */
    public static final String MULTICAST_GROUP = "239.255.255.250";
    private static final int RECEIVE_BUFFER_BYTES = 256 * 1024;
    private static final int MAX_REQUEST_LINE = 4096;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final Vertx vertx;
    private final Camera camera;
    private final LabConfig config;
    private final NetworkOptions network;
    private DatagramSocket wsDiscovery;
    private DatagramSocket sadp;
    private DatagramSocket dhip;
    private HttpServer http;
    private NetServer rtsp;

    /**
     * How the lab uses the network.
     *
     * @param multicastInterface the interface multicast is sent and received on, empty when multicast is off
     * @param sadpUnicast also answer SADP inquiries sent to the camera's own address
     */
    public record NetworkOptions(Optional<String> multicastInterface, boolean sadpUnicast) {
    }

    public CameraEndpoints(Vertx vertx, Camera camera, LabConfig config, NetworkOptions network) {
        this.vertx = vertx;
        this.camera = camera;
        this.config = config;
        this.network = network;
    }

    public Camera camera() {
        return camera;
    }

    /** Binds every socket of the camera; fails with the address that could not be bound. */
    public Future<Void> start() {
        List<Future<?>> bound = new ArrayList<>();
        if (camera.onvif().isEnabled()) {
            wsDiscovery = datagramSocket();
            bound.add(listen(wsDiscovery, WsDiscovery.PORT, packet -> WsDiscovery.answer(camera, bytes(packet))
                    .map(Buffer::buffer)));
        }
        if (camera.spec().sadp()) {
            sadp = datagramSocket(true);
            bound.add(listen(sadp, Sadp.PORT, packet -> network.sadpUnicast()
                    ? Sadp.answer(camera, bytes(packet)).map(Buffer::buffer)
                    : Optional.empty()));
        }
        if (camera.spec().dhip()) {
            dhip = datagramSocket();
            bound.add(listen(dhip, Dhip.PORT, packet -> Dhip.answer(camera, bytes(packet)).map(Buffer::buffer)));
        }
        if (camera.spec().http()) {
            http = vertx.createHttpServer(new HttpServerOptions()
                    .setIdleTimeout((int) config.idleTimeout().toSeconds())
                    .setMaxInitialLineLength(MAX_REQUEST_LINE)
                    .setMaxHeaderSize(MAX_HEADER_BYTES))
                    .requestHandler(new CameraHttpHandler(vertx, camera, config));
            bound.add(http.listen(camera.httpPort(), camera.ip())
                    .recover(e -> Future.failedFuture(bindError("TCP", camera.httpPort(), e))));
        }
        ProfileDescriptor.RtspDescriptor rtspDescriptor = camera.profile().descriptor().rtsp();
        if (rtspDescriptor != null && camera.spec().http()) {
            long slowMillis = config.slowDelay().toMillis();
            rtsp = vertx.createNetServer()
                    .connectHandler(socket -> socket.handler(new RtspConnection(vertx, camera, rtspDescriptor, socket,
                            slowMillis, MAX_HEADER_BYTES)));
            bound.add(rtsp.listen(Rtsp.PORT, camera.ip())
                    .recover(e -> Future.failedFuture(bindError("TCP", Rtsp.PORT, e))));
        }
        return Future.all(bound).mapEmpty();
    }

    private DatagramSocket datagramSocket() {
        return datagramSocket(false);
    }

    /**
     * {@code shareable}: SADP clients bind the wildcard address on 37020 to hear multicast replies,
     * which a camera socket on the same port must allow.
     */
    private DatagramSocket datagramSocket(boolean shareable) {
        DatagramSocketOptions options = new DatagramSocketOptions().setIpV6(false).setReuseAddress(shareable)
                .setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
        network.multicastInterface().ifPresent(options::setMulticastNetworkInterface);
        return vertx.createDatagramSocket(options);
    }

    private Future<DatagramSocket> listen(DatagramSocket socket, int port,
            Function<DatagramPacket, Optional<Buffer>> responder) {
        socket.handler(packet -> {
            if (camera.has(Fault.SILENT) || packet.data().length() > config.maxRequestBytes()) {
                return;
            }
            responder.apply(packet).ifPresent(reply -> send(socket, reply, packet.sender().port(),
                    packet.sender().host(), 0));
        });
        return socket.listen(port, camera.ip()).recover(e -> Future.failedFuture(bindError("UDP", port, e)));
    }

    private IllegalStateException bindError(String protocol, int port, Throwable cause) {
        String hint = camera.ip().endsWith(".255") && protocol.equals("UDP")
                ? " (Java cannot bind an IPv4 datagram socket to an address ending in .255)" : "";
        return new IllegalStateException(camera.ip() + " " + protocol + " " + port + ": " + cause.getMessage() + hint);
    }

    private static byte[] bytes(DatagramPacket packet) {
        return packet.data().getBytes();
    }

    /** Sends after the camera's delay: the {@code slow} fault's, else {@code baseDelayMillis}. */
    private void send(DatagramSocket socket, Buffer reply, int port, String host, long baseDelayMillis) {
        long delay = camera.has(Fault.SLOW) ? config.slowDelay().toMillis() : baseDelayMillis;
        if (delay <= 0) {
            socket.send(reply, port, host);
        } else {
            vertx.setTimer(delay, t -> socket.send(reply, port, host));
        }
    }

    /** Answers a Probe received on the multicast group, from the camera's own address, after a random delay. */
    public void onMulticastProbe(XmlElement probe, SocketAddress sender) {
        if (wsDiscovery == null || camera.has(Fault.SILENT)) {
            return;
        }
        WsDiscovery.answer(camera, probe).ifPresent(reply -> send(wsDiscovery, Buffer.buffer(reply),
                sender.port(), sender.host(), randomDelay()));
    }

    /**
     * Answers a DHIP search received on DHIP's multicast group, unicast to the searcher from the
     * camera's own DHIP socket after a random delay, as Dahua firmware answers its config tool.
     */
    public void onMulticastDhipSearch(byte[] search, SocketAddress sender) {
        if (dhip == null || camera.has(Fault.SILENT)) {
            return;
        }
        Dhip.answer(camera, search).ifPresent(reply -> send(dhip, Buffer.buffer(reply), sender.port(), sender.host(),
                randomDelay()));
    }

    /** Answers a SADP inquiry received on the multicast group with a multicast reply, as the firmware does. */
    public void onMulticastSadpInquiry(String inquiryUuid) {
        if (sadp == null || camera.has(Fault.SILENT)) {
            return;
        }
        send(sadp, Buffer.buffer(Sadp.answer(camera, inquiryUuid)), Sadp.PORT, MULTICAST_GROUP, randomDelay());
    }

    private long randomDelay() {
        long max = config.multicastReplyMaxDelay().toMillis();
        return max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max + 1);
    }

    /** Multicasts the WS-Discovery Hello. */
    public Future<Void> hello() {
        if (wsDiscovery == null || network.multicastInterface().isEmpty()) {
            return Future.succeededFuture();
        }
        return wsDiscovery.send(WsDiscovery.hello(camera), WsDiscovery.PORT, MULTICAST_GROUP);
    }

    /** Multicasts the WS-Discovery Bye. */
    public Future<Void> bye() {
        if (wsDiscovery == null || network.multicastInterface().isEmpty()) {
            return Future.succeededFuture();
        }
        return wsDiscovery.send(WsDiscovery.bye(camera), WsDiscovery.PORT, MULTICAST_GROUP);
    }

    /** Closes every socket of the camera. */
    public Future<Void> stop() {
        List<Future<?>> closed = new ArrayList<>();
        for (DatagramSocket socket : new DatagramSocket[] { wsDiscovery, sadp, dhip }) {
            if (socket != null) {
                closed.add(socket.close());
            }
        }
        if (http != null) {
            closed.add(http.close());
        }
        if (rtsp != null) {
            closed.add(rtsp.close());
        }
        return Future.join(closed).mapEmpty();
    }
}
