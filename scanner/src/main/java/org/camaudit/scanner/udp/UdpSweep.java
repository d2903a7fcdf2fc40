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
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

import org.camaudit.scanner.target.TargetSet;

import io.quarkus.logging.Log;

/**
 * Phase 1: the UDP sweep. One non-blocking socket per protocol (not one per target); per unicast
 * protocol one sender thread sends every request at its share of the rate, plus the multicast
 * requests; one {@link DatagramReceiver} reads all sockets and marks {@link AnsweredTargets}.
 * Targets that stayed silent get the next round; then one window collects late replies.
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
    private final DatagramSender sender;
    private DatagramReceiver receiver;
    private AnsweredTargets answered;

    /**
     * @param sink receives every reply with the datagram's source address; called from the receiver thread
     */
    public UdpSweep(List<UdpProbe> probes, Settings settings, BiConsumer<InetAddress, DiscoveryReply> sink) {
        this.probes = probes;
        this.settings = settings;
        this.sender = new DatagramSender(settings.maxDatagramBytes());
        this.sink = sink;
    }

    public long sent() {
        return sender.sent();
    }

    public long received() {
        return receiver == null ? 0 : receiver.received();
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
        answered = new AnsweredTargets(targets);
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
            receiver = new DatagramReceiver(selector, settings.maxDatagramBytes(), answered, sink);
            Thread receiving = new Thread(receiver, "udp-sweep-receiver");
            receiving.setDaemon(true);
            receiving.start();
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
                receiver.stop();
                receiving.join(1000);
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
                sender.send(channels.get(i), ByteBuffer.wrap(request), group);
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
            Thread thread = new Thread(() -> {
                try {
                    sender.sweep((UnicastUdpProbe) probes.get(i), channels.get(i), targets, round, share, answered);
                } catch (InterruptedException e) {
                    interrupted[0] = true;
                }
            }, "udp-sweep-" + probes.get(i).method());
            thread.setDaemon(true);
            senders.add(thread);
            thread.start();
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
}
