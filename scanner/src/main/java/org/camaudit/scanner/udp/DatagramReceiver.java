package org.camaudit.scanner.udp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import io.quarkus.logging.Log;

/**
 * The sweep's one receiver thread: reads every socket registered with the selector (the key's
 * attachment is the socket's protocol), parses each datagram with that protocol, marks the
 * target answered and hands each reply on.
 */
final class DatagramReceiver implements Runnable {

    private static final long SELECT_MILLIS = 100;

    private final Selector selector;
    private final int maxDatagramBytes;
    private final AnsweredTargets answered;
    private final BiConsumer<InetAddress, DiscoveryReply> sink;
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running = true;

    DatagramReceiver(Selector selector, int maxDatagramBytes, AnsweredTargets answered,
            BiConsumer<InetAddress, DiscoveryReply> sink) {
        this.selector = selector;
        this.maxDatagramBytes = maxDatagramBytes;
        this.answered = answered;
        this.sink = sink;
    }

    long received() {
        return received.get();
    }

    void stop() {
        running = false;
        selector.wakeup();
    }

    @Override
    public void run() {
        ByteBuffer buffer = ByteBuffer.allocate(maxDatagramBytes);
        while (running) {
            try {
                selector.select(SELECT_MILLIS);
                for (SelectionKey key : selector.selectedKeys()) {
                    DatagramChannel channel = (DatagramChannel) key.channel();
                    UdpProbe probe = (UdpProbe) key.attachment();
                    while (true) {
                        buffer.clear();
                        InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
                        if (from == null) {
                            break;
                        }
                        received.incrementAndGet();
                        buffer.flip();
                        byte[] data = new byte[buffer.remaining()];
                        buffer.get(data);
                        deliver(probe, from.getAddress(), data);
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException | RuntimeException e) {
                Log.debugf("UDP receive problem: %s", e.getMessage());
            }
        }
    }

    private void deliver(UdpProbe probe, InetAddress from, byte[] data) {
        List<DiscoveryReply> replies;
        try {
            replies = probe.parse(from, data, data.length);
        } catch (RuntimeException e) {
            Log.debugf("unreadable %s reply from %s", probe.method(), from.getHostAddress());
            return;
        }
        for (DiscoveryReply reply : replies) {
            answered.mark(from, reply);
            sink.accept(from, reply);
        }
    }
}
