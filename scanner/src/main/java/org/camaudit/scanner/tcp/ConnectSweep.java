package org.camaudit.scanner.tcp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import io.quarkus.logging.Log;

/**
 * A non-blocking TCP connect sweep: one thread, one selector, every (target, port) connection
 * started at the configured rate and all of them in flight together, so a target behind a
 * firewall that drops closed ports costs one timeout however many ports it has. A connection that
 * completes is an open port and is closed at once (with a reset, so no TIME_WAIT piles up); a
 * refusal is a closed port; no answer within the timeout is a filtered port. When every port of a
 * target is settled, the open ones (if any) are handed on.
 */
public final class ConnectSweep {

    /**
     * @param connectsPerSecond pacing of connection attempts
     * @param timeoutMillis     how long one attempt may wait for an answer
     * @param maxPending        most attempts in flight at once (file descriptors)
     */
    public record Settings(double connectsPerSecond, long timeoutMillis, int maxPending,
            Optional<InetAddress> bindAddress) {
    }

    /** Receives a target's open ports once all its ports are settled; called on the sweep's thread. */
    @FunctionalInterface
    public interface Sink {
        void openPorts(int targetIndex, List<Integer> ports);
    }

    private record Attempt(int target, int port, SocketChannel channel, long deadlineNanos) {
    }

    /** The ports of one target still unsettled, and those found open. */
    private static final class Pending {
        int unsettled;
        final List<Integer> open = new ArrayList<>(2);

        Pending(int ports) {
            unsettled = ports;
        }
    }

    private final Settings settings;
    /** Attempts registered with the selector and not yet settled (the queue also holds settled ones). */
    private int live;
    private final AtomicLong attempted = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private int peakInFlight;

    public ConnectSweep(Settings settings) {
        this.settings = settings;
    }

    public long attempted() {
        return attempted.get();
    }

    public long opened() {
        return opened.get();
    }

    /** Attempts that got no answer within the timeout (filtered ports). */
    public long timedOut() {
        return timedOut.get();
    }

    /** The most attempts that were waiting at the same time. */
    public int peakInFlight() {
        return peakInFlight;
    }

    /**
     * Sweeps every port of every target; returns when all are settled.
     *
     * @param address the address of target {@code i}, for {@code i} in {@code [0, targets)}
     */
    public void run(int targets, IntFunction<InetAddress> address, List<Integer> ports, Sink sink)
            throws IOException, InterruptedException {
        if (targets == 0 || ports.isEmpty()) {
            return;
        }
        long nanosPerConnect = settings.connectsPerSecond() <= 0 || Double.isInfinite(settings.connectsPerSecond()) ? 0
                : (long) (1_000_000_000L / settings.connectsPerSecond());
        long timeoutNanos = settings.timeoutMillis() * 1_000_000L;
        ArrayDeque<Attempt> inFlight = new ArrayDeque<>();
        Map<Integer, Pending> pending = new HashMap<>();
        long start = System.nanoTime();
        long started = 0;
        long total = (long) targets * ports.size();
        InetAddress targetAddress = null;
        try (Selector selector = Selector.open()) {
            while (started < total || !inFlight.isEmpty()) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                long now = System.nanoTime();
                while (started < total && live < settings.maxPending()
                        && start + started * nanosPerConnect - now <= 0) {
                    int target = (int) (started / ports.size());
                    int portIndex = (int) (started % ports.size());
                    if (portIndex == 0) {
                        // a target's ports are started in a row: one address and one entry for all of them
                        targetAddress = address.apply(target);
                        pending.put(target, new Pending(ports.size()));
                    }
                    connect(selector, target, ports.get(portIndex), targetAddress, now + timeoutNanos, inFlight,
                            pending, sink);
                    started++;
                }
                long waitNanos = inFlight.isEmpty() ? Long.MAX_VALUE : inFlight.peekFirst().deadlineNanos() - now;
                if (started < total && live < settings.maxPending()) {
                    waitNanos = Math.min(waitNanos, start + started * nanosPerConnect - now);
                }
                long waitMillis = Math.max(1, Math.min(100, waitNanos / 1_000_000L));
                selector.select(waitMillis);
                for (SelectionKey key : selector.selectedKeys()) {
                    Attempt attempt = (Attempt) key.attachment();
                    boolean open;
                    try {
                        open = attempt.channel().finishConnect();
                    } catch (IOException e) {
                        open = false;
                    }
                    live--;
                    settle(attempt, open, pending, sink);
                }
                selector.selectedKeys().clear();
                expire(inFlight, pending, sink);
            }
        } finally {
            for (Attempt attempt : inFlight) {
                close(attempt.channel());
            }
        }
    }

    private void connect(Selector selector, int target, int port, InetAddress address, long deadline,
            ArrayDeque<Attempt> inFlight, Map<Integer, Pending> pending, Sink sink) {
        attempted.incrementAndGet();
        SocketChannel channel = null;
        try {
            channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            if (settings.bindAddress().isPresent()) {
                channel.bind(new InetSocketAddress(settings.bindAddress().get(), 0));
            }
            Attempt attempt = new Attempt(target, port, channel, deadline);
            if (channel.connect(new InetSocketAddress(address, port))) {
                settle(attempt, true, pending, sink);
                return;
            }
            channel.register(selector, SelectionKey.OP_CONNECT, attempt);
            inFlight.addLast(attempt);
            live++;
            peakInFlight = Math.max(peakInFlight, live);
        } catch (IOException e) {
            if (channel != null) {
                close(channel);
            }
            settleClosed(target, pending, sink);
        }
    }

    /** Attempts past their deadline are filtered ports; the queue is in deadline order. */
    private void expire(ArrayDeque<Attempt> inFlight, Map<Integer, Pending> pending, Sink sink) {
        long now = System.nanoTime();
        while (!inFlight.isEmpty()) {
            Attempt head = inFlight.peekFirst();
            if (!head.channel().isOpen()) {
                inFlight.removeFirst();
                continue;
            }
            if (head.deadlineNanos() - now > 0) {
                return;
            }
            inFlight.removeFirst();
            live--;
            timedOut.incrementAndGet();
            settle(head, false, pending, sink);
        }
    }

    private void settle(Attempt attempt, boolean open, Map<Integer, Pending> pending, Sink sink) {
        close(attempt.channel());
        Pending state = pending.get(attempt.target());
        if (state == null) {
            return;
        }
        if (open) {
            opened.incrementAndGet();
            state.open.add(attempt.port());
        }
        finishOne(attempt.target(), state, pending, sink);
    }

    private void settleClosed(int target, Map<Integer, Pending> pending, Sink sink) {
        Pending state = pending.get(target);
        if (state != null) {
            finishOne(target, state, pending, sink);
        }
    }

    private static void finishOne(int target, Pending state, Map<Integer, Pending> pending, Sink sink) {
        state.unsettled--;
        if (state.unsettled == 0) {
            pending.remove(target);
            if (!state.open.isEmpty()) {
                state.open.sort(null);
                sink.openPorts(target, List.copyOf(state.open));
            }
        }
    }

    private static void close(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            Log.debugf("closing a probe connection failed: %s", e.getMessage());
        }
    }
}
