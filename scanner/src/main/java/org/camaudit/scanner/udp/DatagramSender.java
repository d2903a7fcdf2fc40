package org.camaudit.scanner.udp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.camaudit.scanner.target.Addresses;
import org.camaudit.scanner.target.TargetSet;

import io.quarkus.logging.Log;

/**
 * Sends the sweep's datagrams: one protocol's request to every target at a fixed pace (one
 * direct buffer per sender thread, each request written into it), and single
 * datagrams, waiting briefly when the socket buffer is full.
 */
final class DatagramSender {

    /** How long to wait for room in a full socket buffer before trying again. */
    private static final long FULL_BUFFER_WAIT_NANOS = 50_000L;
    private static final int MAX_ATTEMPTS = 1000;

    private final int maxDatagramBytes;
    private final AtomicLong sent = new AtomicLong();

    DatagramSender(int maxDatagramBytes) {
        this.maxDatagramBytes = maxDatagramBytes;
    }

    long sent() {
        return sent.get();
    }

    /** Round 0 goes to every target; later rounds only to targets that have not answered. */
    void sweep(UnicastUdpProbe probe, DatagramChannel channel, TargetSet targets, int round, double rate,
            AnsweredTargets answered) throws InterruptedException {
        long nanosPerProbe = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long count = 0;
        ByteBuffer buffer = ByteBuffer.allocateDirect(maxDatagramBytes);
        for (int index = 0; index < targets.size(); index++) {
            if (round > 0 && answered.has(index)) {
                continue;
            }
            long ahead = start + count * nanosPerProbe - System.nanoTime();
            if (ahead > 1_000_000L) {
                LockSupport.parkNanos(ahead);
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            buffer.clear();
            probe.writeUnicastRequest(index, round, buffer);
            buffer.flip();
            send(channel, buffer, new InetSocketAddress(Addresses.toInet(targets.get(index)), probe.port()));
            count++;
        }
    }

    void send(DatagramChannel channel, ByteBuffer buffer, InetSocketAddress target) throws InterruptedException {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            try {
                if (channel.send(buffer, target) > 0) {
                    sent.incrementAndGet();
                    return;
                }
            } catch (IOException e) {
                Log.debugf("cannot send to %s: %s", target, e.getMessage());
                return;
            }
            LockSupport.parkNanos(FULL_BUFFER_WAIT_NANOS);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
