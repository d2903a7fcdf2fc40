package org.camaudit.scanner.scan;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camaudit.scanner.arp.ArpReader;
import org.camaudit.scanner.credentials.CredentialStore;
import org.camaudit.scanner.http.HttpFetcher;
import org.camaudit.scanner.identify.DeviceFacts;
import org.camaudit.scanner.identify.DeviceIdentifier;
import org.camaudit.scanner.identify.ManufacturerCatalog;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.oui.OuiRegistry;
import org.camaudit.scanner.output.Observation;
import org.camaudit.scanner.target.Addresses;
import org.camaudit.scanner.target.TargetSet;
import org.camaudit.scanner.tcp.ConnectSweep;
import org.camaudit.scanner.udp.DiscoveryReply;
import org.camaudit.scanner.udp.UdpProbe;
import org.camaudit.scanner.udp.UdpSweep;

import io.quarkus.logging.Log;

/**
 * Runs one scan: phase 1 (the UDP sweep and, at the same time, the TCP connect sweep of
 * {@code --ports}, sharing {@code --rate}) and, as each device answers discovery or shows an open
 * port, its phase-2 probes on a pool of {@code --concurrency} threads; then the ARP table and
 * identification. Only devices that something identifies as cameras are reported: a bare open
 * port is not one. Every wait is bounded, so the whole scan is.
 */
public final class ScanEngine {

    /**
     * The outcome of one scan.
     *
     * @param complete false when the scan's time budget ended phase 2 before every device was probed
     */
    public record Result(List<Observation> observations, Instant startedAt, Instant finishedAt, long probesSent,
            boolean complete) {
    }

    private static final Set<String> DISCOVERY_METHODS = Set.of(Sources.WS_DISCOVERY, Sources.SADP, Sources.DHIP, "onvif");
    private static final Set<String> CAMERA_SIGNS = Set.of(Sources.HTTP_FINGERPRINT, Sources.HTTP_CHIP,
            Sources.RTSP_FINGERPRINT);

    private final ScanSettings settings;
    private final CredentialStore credentials;
    private final CompletableFuture<OuiRegistry> oui;
    private final ArpReader arp;
    private final ScanProgress progress;

    private final Map<String, DeviceFacts> devices = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger finished = new AtomicInteger();

    /**
     * @param oui the MAC registry, possibly still loading; identification waits for it
     * @throws java.io.UncheckedIOException from {@link #run} when the registry cannot be loaded
     */
    public ScanEngine(ScanSettings settings, CredentialStore credentials, CompletableFuture<OuiRegistry> oui,
            ArpReader arp, ScanProgress progress) {
        this.settings = settings;
        this.credentials = credentials;
        this.oui = oui;
        this.arp = arp;
        this.progress = progress;
    }

    public Result run(TargetSet targets) throws IOException, InterruptedException {
        Instant startedAt = Instant.now();
        Log.debugf("scan of %d addresses starting", targets.size());
        DeviceInterrogation interrogation = new DeviceInterrogation(settings, credentials, httpFetcher(),
                ProbeRegistry.deviceProbes(settings));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), daemon("probe"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("phase2-timer"));
        Phase2 phase2 = new Phase2(interrogation, pool, scheduler);
        List<UdpProbe> udpProbes = ProbeRegistry.udpProbes(settings, UUID.randomUUID(), targets.size());
        long udpPlanned = UdpSweep.plannedProbes(udpProbes, targets.size());
        boolean tcp = settings.tcpSweep() && !settings.ports().isEmpty() && interrogation.hasProbes();
        long tcpPlanned = tcp ? (long) targets.size() * settings.ports().size() : 0;
        // the rate is shared so that both sweeps end together: UDP sends up to 1 + retries rounds, TCP one
        double udpWork = (double) udpPlanned * (1 + settings.retries());
        double udpShare = udpWork + tcpPlanned == 0 ? 1 : udpWork / (udpWork + tcpPlanned);
        UdpSweep udp = new UdpSweep(udpProbes, sweepSettings(settings.rate() * udpShare),
                (from, reply) -> onReply(targets, from, reply, phase2));
        ConnectSweep connects = new ConnectSweep(new ConnectSweep.Settings(settings.rate() * (1 - udpShare),
                settings.timeoutMillis(), settings.limits().maxPendingConnects(), settings.bindAddress()));
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("progress"));
        ticker.scheduleAtFixedRate(() -> progress.update(udp.sent() + connects.attempted(), udpPlanned + tcpPlanned,
                devices.size(), finished.get()), 200, 200, TimeUnit.MILLISECONDS);
        boolean complete = true;
        Thread tcpSweep = null;
        try {
            if (tcp) {
                tcpSweep = startConnectSweep(connects, targets, phase2);
            }
            if (!udpProbes.isEmpty()) {
                udp.run(targets, () -> finished.get() < scheduled.size() && interrogation.hasProbes(),
                        interrogation.budgetMillis());
            }
            if (tcpSweep != null) {
                tcpSweep.join();
            }
            Log.debugf("sweeps done: %d UDP probes, %d replies, %d connects, %d open; %d devices", udp.sent(),
                    udp.received(), connects.attempted(), connects.opened(), devices.size());
            scheduler.shutdown();
            scheduler.awaitTermination(settings.limits().phase2Grace().toMillis() + 1000, TimeUnit.MILLISECONDS);
            pool.shutdown();
            long budget = interrogation.budgetMillis() * (scheduled.size() / Math.max(1, settings.concurrency()) + 2L);
            if (!pool.awaitTermination(budget, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                complete = false;
            }
        } finally {
            if (tcpSweep != null) {
                tcpSweep.interrupt();
            }
            pool.shutdownNow();
            scheduler.shutdownNow();
            ticker.shutdownNow();
        }
        readArp();
        Log.debugf("phase 2 done: %d devices probed", finished.get());
        DeviceIdentifier identifier = new DeviceIdentifier(ManufacturerCatalog.shipped(), registry());
        List<Observation> observations = devices.values().stream().filter(ScanEngine::isCamera)
                .sorted(Comparator.comparingLong(f -> Integer.toUnsignedLong(Addresses.parse(f.ip()))))
                .map(identifier::identify).toList();
        long sent = udp.sent() + connects.attempted();
        progress.update(sent, udpPlanned + tcpPlanned, devices.size(), finished.get());
        return new Result(observations, startedAt, Instant.now(), sent, complete);
    }

    private HttpFetcher httpFetcher() {
        ScanSettings.Limits limits = settings.limits();
        return new HttpFetcher(settings.timeoutMillis(), settings.timeoutMillis() * Math.max(1, limits.exchangeTimeouts()),
                limits.maxHttpHeaderBytes(), Math.max(limits.maxHttpBodyBytes(), limits.maxXmlBytes() + 1));
    }

    private Thread startConnectSweep(ConnectSweep connects, TargetSet targets, Phase2 phase2) {
        Thread thread = new Thread(() -> {
            try {
                connects.run(targets.size(), index -> Addresses.toInet(targets.get(index)), settings.ports(),
                        (index, open) -> {
                            String ip = Addresses.format(targets.get(index));
                            DeviceFacts facts = devices.computeIfAbsent(ip, DeviceFacts::new);
                            facts.openPorts(open);
                            phase2.schedule(facts);
                        });
            } catch (IOException e) {
                Log.warnf("the TCP sweep stopped: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tcp-sweep");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private void readArp() {
        if (!settings.uses("arp")) {
            return;
        }
        arp.read().forEach((ip, mac) -> {
            DeviceFacts facts = devices.get(ip);
            if (facts != null) {
                facts.discoveredBy(Sources.ARP);
                facts.add(Sources.ARP, "mac", mac);
            }
        });
    }

    private OuiRegistry registry() throws InterruptedException {
        try {
            return oui.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("the OUI registry did not load", e.getCause());
        }
    }

    private UdpSweep.Settings sweepSettings(double rate) {
        ScanSettings.Limits limits = settings.limits();
        return new UdpSweep.Settings(rate, settings.retries(),
                Math.round(settings.timeoutMillis() * limits.retryGapFraction()), settings.timeoutMillis(),
                settings.multicast(), settings.networkInterface(), settings.bindAddress(), limits.socketBufferBytes(),
                limits.maxDatagramBytes());
    }

    private void onReply(TargetSet targets, InetAddress from, DiscoveryReply reply, Phase2 phase2) {
        String ip = null;
        if (reply.claimedAddress() != null && targets.contains(Addresses.parse(reply.claimedAddress()))) {
            ip = reply.claimedAddress();
        } else {
            int source = Addresses.toInt(from).orElse(0);
            if (targets.contains(source)) {
                ip = Addresses.format(source);
            }
        }
        if (ip == null) {
            return;
        }
        DeviceFacts facts = devices.computeIfAbsent(ip, DeviceFacts::new);
        reply.applyTo(facts);
        phase2.schedule(facts);
    }

    /** Starts each device's phase 2 once, a short grace after it was first seen. */
    private final class Phase2 {
        private final DeviceInterrogation interrogation;
        private final ExecutorService pool;
        private final ScheduledExecutorService scheduler;

        Phase2(DeviceInterrogation interrogation, ExecutorService pool, ScheduledExecutorService scheduler) {
            this.interrogation = interrogation;
            this.pool = pool;
            this.scheduler = scheduler;
        }

        void schedule(DeviceFacts facts) {
            if (!scheduled.add(facts.ip())) {
                return;
            }
            if (!interrogation.hasProbes()) {
                finished.incrementAndGet();
                return;
            }
            try {
                scheduler.schedule(() -> pool.execute(() -> run(facts)), settings.limits().phase2Grace().toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                pool.execute(() -> run(facts));
            }
        }

        private void run(DeviceFacts facts) {
            try {
                interrogation.interrogate(facts);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                Log.debugf("phase 2 of %s stopped: %s", facts.ip(), e.getMessage());
            } finally {
                finished.incrementAndGet();
            }
        }
    }

    private static boolean isCamera(DeviceFacts facts) {
        return facts.discoveredBy().stream().anyMatch(DISCOVERY_METHODS::contains)
                || facts.evidence().stream().anyMatch(e -> CAMERA_SIGNS.contains(e.source()));
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
