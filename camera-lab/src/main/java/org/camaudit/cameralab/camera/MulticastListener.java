package org.camaudit.cameralab.camera;

import io.vertx.core.Handler;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;

/**
 * One socket bound to the multicast group address (not a wildcard, so it receives nothing sent to
 * unicast addresses) for a discovery port; the cameras answer from their own addresses.
 */
final class MulticastListener {

    /** Room for a burst of Probes and of the cameras' own multicast replies arriving at once. */
    private static final int RECEIVE_BUFFER_BYTES = 1024 * 1024;

    private final DatagramSocket socket;

    private MulticastListener(DatagramSocket socket) {
        this.socket = socket;
    }

    /**
     * Listens on the group's {@code port}; {@code dispatch} sees every datagram once and decides which
     * cameras answer (parsing once, not once per camera: the cameras' own multicast replies and
     * announcements arrive here too).
     */
    static Future<MulticastListener> start(Vertx vertx, String networkInterface, int port,
            Handler<DatagramPacket> dispatch) {
        return start(vertx, networkInterface, CameraEndpoints.MULTICAST_GROUP, port, dispatch);
    }

    /** As {@link #start(Vertx, String, int, Handler)}, on another group (DHIP's 239.255.255.251). */
    static Future<MulticastListener> start(Vertx vertx, String networkInterface, String group, int port,
            Handler<DatagramPacket> dispatch) {
        DatagramSocket socket = vertx.createDatagramSocket(new DatagramSocketOptions().setIpV6(false)
                .setReuseAddress(true).setReusePort(true).setReceiveBufferSize(RECEIVE_BUFFER_BYTES));
        socket.handler(dispatch::handle);
        return socket.listen(port, group)
                .compose(s -> s.listenMulticastGroup(group, networkInterface, null))
                .map(s -> new MulticastListener(socket))
                .recover(e -> Future.failedFuture(new IllegalStateException(
                        "multicast " + group + ":" + port + " on " + networkInterface + ": " + e.getMessage())));
    }

    Future<Void> stop() {
        return socket.close();
    }
}
