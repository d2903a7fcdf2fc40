package org.camaudit.scanner.udp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.camaudit.scanner.target.Addresses;
import org.camaudit.scanner.target.TargetSet;

import io.quarkus.logging.Log;

/**
 * Phase 1: the UDP sweep. One non-blocking socket per protocol (not one per target) sends every
 * unicast request at the configured rate, plus the multicast requests; one receiver thread reads
 * all sockets, parses each datagram with its protocol and hands replies on. Targets that stayed
 * silent get the next round; then one window collects late replies.
 */
public final class UdpSweep {

    /** Sweep parameters. */
    public record Settings(double probesPerSecond, int retries, long retryGapMillis, long lateWindowMillis,
            boolean multicast, Optional<NetworkInterface> networkInterface, Optional<InetAddress> bindAddress,
            int socketBufferBytes, int maxDatagramBytes) {
    }

    private static final long EXTRA_LISTEN_STEP_MILLIS = 20;

    private final List<UdpProbe> probes;
    private final Settings settings;
    private final BiConsumer<InetAddress, DiscoveryReply> sink;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final BitSet answered = new BitSet();
    private volatile boolean receiving = true;
    private volatile TargetSet targets;

    /**
     * @param sink receives every reply with the datagram's source address; called from the receiver thread
     */
    public UdpSweep(List<UdpProbe> probes, Settings settings, BiConsumer<InetAddress, DiscoveryReply> sink) {
        this.probes = probes;
        this.settings = settings;
        this.sink = sink;
    }

    public long sent() {
        return sent.get();
    }

    public long received() {
        return received.get();
    }

    /** How many datagrams the sweep will send in its first round. */
    public static long plannedProbes(List<UdpProbe> probes, int targets) {
        return probes.stream().filter(UnicastUdpProbe.class::isInstance).count() * targets;
    }

    /**
     * Runs the sweep to the end of the late-reply window.
     *
     * @param targets the addresses to probe
     */
    public void run(TargetSet targets) throws IOException, InterruptedException {
        run(targets, () -> false, 0);
    }

    /**
     * Runs the sweep to the end of the late-reply window, then keeps listening while
     * {@code keepListening} holds (the scan is still busy with devices that answered), for at most
     * {@code maxExtraMillis} more: a late reply is never lost while there is work going on anyway.
     */
    public void run(TargetSet targets, BooleanSupplier keepListening, long maxExtraMillis)
            throws IOException, InterruptedException {
        this.targets = targets;
        List<DatagramChannel> channels = new ArrayList<>();
        try (Selector selector = Selector.open()) {
            for (UdpProbe probe : probes) {
                DatagramChannel channel = open(probe);
                channels.add(channel);
                channel.register(selector, SelectionKey.OP_READ, probe);
            }
            List<DatagramChannel> listeners = new ArrayList<>();
            for (UdpProbe probe : probes) {
                if (probe instanceof MulticastUdpProbe multicast && multicast.repliesToGroup() && settings.multicast()) {
                    openGroupListener(multicast).ifPresent(listener -> {
                        listeners.add(listener);
                        try {
                            listener.register(selector, SelectionKey.OP_READ, probe);
                        } catch (IOException e) {
                            Log.debugf("cannot listen for %s group replies: %s", probe.method(), e.getMessage());
                        }
                    });
                }
            }
            channels.addAll(listeners);
            Thread receiver = new Thread(() -> receive(selector), "udp-sweep-receiver");
            receiver.setDaemon(true);
            receiver.start();
            try {
                for (int round = 0; round <= settings.retries(); round++) {
                    if (round > 0) {
                        Thread.sleep(settings.retryGapMillis());
                    }
                    long start = System.nanoTime();
                    sendMulticast(channels, round);
                    sendUnicast(channels, targets, round);
                    Log.debugf("round %d sent in %d ms", round, (System.nanoTime() - start) / 1_000_000);
                }
                Thread.sleep(settings.lateWindowMillis());
                long extraDeadline = System.nanoTime() + maxExtraMillis * 1_000_000L;
                while (keepListening.getAsBoolean() && System.nanoTime() - extraDeadline < 0) {
                    Thread.sleep(EXTRA_LISTEN_STEP_MILLIS);
                }
            } finally {
                receiving = false;
                selector.wakeup();
                receiver.join(1000);
            }
        } finally {
            for (DatagramChannel channel : channels) {
                channel.close();
            }
        }
    }

    private DatagramChannel open(UdpProbe probe) throws IOException {
        DatagramChannel channel = DatagramChannel.open(StandardProtocolFamily.INET);
        channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.socketBufferBytes());
        channel.setOption(StandardSocketOptions.SO_SNDBUF, settings.socketBufferBytes());
        if (probe instanceof MulticastUdpProbe && settings.multicast()) {
            channel.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
            channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
            if (settings.networkInterface().isPresent()) {
                channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, settings.networkInterface().get());
            }
        }
        channel.bind(new InetSocketAddress(settings.bindAddress().orElse(null), 0));
        channel.configureBlocking(false);
        return channel;
    }

    /**
     * A socket on the protocol's port, shared with other listeners, joined to its group on the
     * chosen interface (or every multicast-capable one), for devices that answer to the group.
     */
    private Optional<DatagramChannel> openGroupListener(MulticastUdpProbe probe) {
        DatagramChannel channel = null;
        try {
            channel = DatagramChannel.open(StandardProtocolFamily.INET);
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.setOption(StandardSocketOptions.SO_RCVBUF, settings.socketBufferBytes());
            channel.bind(new InetSocketAddress(probe.port()));
            List<NetworkInterface> interfaces = settings.networkInterface().map(List::of).orElseGet(UdpSweep::multicastInterfaces);
            int joined = 0;
            for (NetworkInterface nic : interfaces) {
                try {
                    channel.join(probe.group(), nic);
                    joined++;
                } catch (IOException | UnsupportedOperationException e) {
                    Log.debugf("cannot join %s on %s: %s", probe.group(), nic.getName(), e.getMessage());
                }
            }
            if (joined == 0) {
                channel.close();
                return Optional.empty();
            }
            channel.configureBlocking(false);
            return Optional.of(channel);
        } catch (IOException e) {
            Log.debugf("no %s group listener on port %d: %s", probe.method(), probe.port(), e.getMessage());
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException closing) {
                    Log.debugf("closing the %s listener failed: %s", probe.method(), closing.getMessage());
                }
            }
            return Optional.empty();
        }
    }

    private static List<NetworkInterface> multicastInterfaces() {
        try {
            return NetworkInterface.networkInterfaces().filter(nic -> {
                try {
                    return nic.isUp() && nic.supportsMulticast()
                            && nic.inetAddresses().anyMatch(a -> a.getAddress().length == 4);
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void sendMulticast(List<DatagramChannel> channels, int round) throws InterruptedException {
        if (!settings.multicast()) {
            return;
        }
        for (int i = 0; i < probes.size(); i++) {
            if (!(probes.get(i) instanceof MulticastUdpProbe probe)) {
                continue;
            }
            InetSocketAddress group = new InetSocketAddress(probe.group(), probe.port());
            for (byte[] request : probe.multicastRequests(round)) {
                send(channels.get(i), ByteBuffer.wrap(request), group);
            }
        }
    }

    /**
     * Every unicast protocol has its own sender thread and socket, each paced at its share of the
     * rate, so the kernel's per-datagram work spreads over the cores.
     */
    private void sendUnicast(List<DatagramChannel> channels, TargetSet targets, int round) throws InterruptedException {
        List<Integer> unicast = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            if (probes.get(i) instanceof UnicastUdpProbe) {
                unicast.add(i);
            }
        }
        if (unicast.isEmpty()) {
            return;
        }
        double share = Math.max(1.0, settings.probesPerSecond()) / unicast.size();
        List<Thread> senders = new ArrayList<>();
        boolean[] interrupted = new boolean[1];
        for (int i : unicast) {
            Thread sender = new Thread(() -> {
                try {
                    sendEach((UnicastUdpProbe) probes.get(i), channels.get(i), targets, round, share);
                } catch (InterruptedException e) {
                    interrupted[0] = true;
                }
            }, "udp-sweep-" + probes.get(i).method());
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
        try {
            for (Thread sender : senders) {
                sender.join();
            }
        } catch (InterruptedException e) {
            senders.forEach(Thread::interrupt);
            throw e;
        }
        if (interrupted[0]) {
            throw new InterruptedException();
        }
    }

    private void sendEach(UnicastUdpProbe probe, DatagramChannel channel, TargetSet targets, int round, double rate)
            throws InterruptedException {
        long nanosPerProbe = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        long count = 0;
        ByteBuffer buffer = ByteBuffer.allocateDirect(settings.maxDatagramBytes());
        for (int index = 0; index < targets.size(); index++) {
            if (round > 0 && isAnswered(index)) {
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
            buffer.put(probe.unicastRequest(index, round)).flip();
            send(channel, buffer, new InetSocketAddress(Addresses.toInet(targets.get(index)), probe.port()));
            count++;
        }
    }

    private void send(DatagramChannel channel, ByteBuffer buffer, InetSocketAddress target) throws InterruptedException {
        for (int attempt = 0; attempt < 1000; attempt++) {
            try {
                if (channel.send(buffer, target) > 0) {
                    sent.incrementAndGet();
                    return;
                }
            } catch (IOException e) {
                Log.debugf("cannot send to %s: %s", target, e.getMessage());
                return;
            }
            LockSupport.parkNanos(50_000L);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Marks a target as having answered, so later rounds skip it. */
    private void markAnswered(int targetIndex) {
        synchronized (answered) {
            answered.set(targetIndex);
        }
    }

    private boolean isAnswered(int targetIndex) {
        synchronized (answered) {
            return answered.get(targetIndex);
        }
    }

    private void receive(Selector selector) {
        ByteBuffer buffer = ByteBuffer.allocate(settings.maxDatagramBytes());
        while (receiving) {
            try {
                selector.select(100);
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

    /** The target the reply names (or, failing that, sends from) needs no further rounds. */
    private void markAnswered(InetAddress from, DiscoveryReply reply) {
        int index = -1;
        if (reply.claimedAddress() != null) {
            index = targets.indexOf(Addresses.parse(reply.claimedAddress()));
        }
        if (index < 0) {
            index = targets.indexOf(Addresses.toInt(from).orElse(0));
        }
        if (index >= 0) {
            markAnswered(index);
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
            markAnswered(from, reply);
            sink.accept(from, reply);
        }
    }
}
