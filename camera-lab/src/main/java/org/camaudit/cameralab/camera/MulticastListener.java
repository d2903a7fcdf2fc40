package org.camaudit.cameralab.camera;

import java.util.List;
import java.util.function.BiConsumer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;

/**
 * One socket bound to the multicast group address (not a wildcard, so it receives nothing sent to
 * unicast addresses) for a discovery port; hands every datagram to every camera, which answer
 * from their own addresses.
 */
final class MulticastListener {

    private final DatagramSocket socket;

    private MulticastListener(DatagramSocket socket) {
        this.socket = socket;
    }

    static Future<MulticastListener> start(Vertx vertx, String networkInterface, int port,
            List<CameraEndpoints> cameras, BiConsumer<CameraEndpoints, DatagramPacket> dispatch) {
        DatagramSocket socket = vertx.createDatagramSocket(new DatagramSocketOptions().setIpV6(false)
                .setReuseAddress(true).setReusePort(true).setReceiveBufferSize(1024 * 1024));
        socket.handler(packet -> {
            for (CameraEndpoints camera : cameras) {
                dispatch.accept(camera, packet);
            }
        });
        return socket.listen(port, CameraEndpoints.MULTICAST_GROUP)
                .compose(s -> s.listenMulticastGroup(CameraEndpoints.MULTICAST_GROUP, networkInterface, null))
                .map(s -> new MulticastListener(socket))
                .recover(e -> Future.failedFuture(new IllegalStateException(
                        "multicast " + CameraEndpoints.MULTICAST_GROUP + ":" + port + " on " + networkInterface + ": "
                                + e.getMessage())));
    }

    Future<Void> stop() {
        return socket.close();
    }
}
