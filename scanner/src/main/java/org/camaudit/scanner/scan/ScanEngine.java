package org.camaudit.scanner.scan;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.camaudit.scanner.credentials.CredentialStore;
import org.camaudit.scanner.discovery.ArpReader;
import org.camaudit.scanner.discovery.DeviceProbe;
import org.camaudit.scanner.discovery.DhipProbe;
import org.camaudit.scanner.discovery.DiscoveryReply;
import org.camaudit.scanner.discovery.HttpFingerprintProbe;
import org.camaudit.scanner.discovery.HttpFingerprints;
import org.camaudit.scanner.discovery.OnvifProbe;
import org.camaudit.scanner.discovery.ProbeContext;
import org.camaudit.scanner.discovery.SadpProbe;
import org.camaudit.scanner.discovery.UdpProbe;
import org.camaudit.scanner.discovery.UdpSweep;
import org.camaudit.scanner.discovery.WsDiscoveryProbe;
import org.camaudit.scanner.http.HttpFetcher;
import org.camaudit.scanner.identify.DeviceFacts;
import org.camaudit.scanner.identify.DeviceIdentifier;
import org.camaudit.scanner.identify.ManufacturerCatalog;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.oui.OuiRegistry;
import org.camaudit.scanner.output.Observation;
import org.camaudit.scanner.target.Addresses;
import org.camaudit.scanner.target.TargetSet;
import org.camaudit.scanner.xml.OnvifMessages;

import io.quarkus.logging.Log;

/**
 * Runs one scan: phase 1 (the UDP sweep) and, as each device answers, its phase-2 probes (HTTP
 * fingerprints, ONVIF) on a pool of {@code --concurrency} threads; then the optional HTTP sweep of
 * silent targets, the ARP table, and identification. Every wait is bounded, so the whole scan is.
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

    private final ScanSettings settings;
    private final CredentialStore credentials;
    private final CompletableFuture<OuiRegistry> oui;
    private final ArpReader arp;
    private final ScanProgress progress;

    private final Map<String, DeviceFacts> devices = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final AtomicInteger finished = new AtomicInteger();
    private final AtomicLong httpSweepSent = new AtomicLong();

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
        ScanSettings.Limits limits = settings.limits();
        HttpFetcher http = new HttpFetcher(settings.timeoutMillis(),
                settings.timeoutMillis() * Math.max(1, limits.exchangeTimeouts()), limits.maxHttpHeaderBytes(),
                Math.max(limits.maxHttpBodyBytes(), limits.maxXmlBytes() + 1));
        List<DeviceProbe> deviceProbes = new ArrayList<>();
        if (settings.uses("http")) {
            deviceProbes.add(new HttpFingerprintProbe(HttpFingerprints.shipped()));
        }
        if (settings.uses("onvif")) {
            deviceProbes.add(new OnvifProbe());
            Thread warmUp = new Thread(OnvifMessages::warmUp, "onvif-bindings");
            warmUp.setDaemon(true);
            warmUp.start();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), daemon("probe"));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemon("phase2-timer"));
        UUID scanUuid = UUID.randomUUID();
        List<UdpProbe> udpProbes = udpProbes(scanUuid, targets.size());
        long planned = UdpSweep.plannedProbes(udpProbes, targets.size())
                + (settings.httpSweep() ? (long) targets.size() * settings.ports().size() : 0);
        UdpSweep[] holder = new UdpSweep[1];
        UdpSweep sweep = new UdpSweep(udpProbes, sweepSettings(), (from, reply) -> onReply(targets, holder[0], from, reply,
                http, deviceProbes, pool, scheduler));
        holder[0] = sweep;
        UdpSweep running = sweep;
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("progress"));
        ticker.scheduleAtFixedRate(() -> progress.update(running.sent() + httpSweepSent.get(), planned, devices.size(),
                finished.get()), 200, 200, TimeUnit.MILLISECONDS);
        boolean complete = true;
        try {
            if (!udpProbes.isEmpty()) {
                sweep.run(targets, () -> finished.get() < scheduled.size() && !deviceProbes.isEmpty(),
                        deviceBudgetMillis());
            }
            Log.debugf("UDP sweep done: %d probes sent, %d replies, %d devices", sweep.sent(), sweep.received(), devices.size());
            scheduler.shutdown();
            scheduler.awaitTermination(settings.limits().phase2Grace().toMillis() + 1000, TimeUnit.MILLISECONDS);
            if (settings.httpSweep() && settings.uses("http")) {
                for (int index = 0; index < targets.size(); index++) {
                    String ip = Addresses.format(targets.get(index));
                    if (scheduled.add(ip)) {
                        pool.execute(() -> sweepOne(ip, http, deviceProbes));
                    }
                }
            }
            pool.shutdown();
            Log.debugf("waiting for phase 2 of %d devices", scheduled.size());
            long budget = deviceBudgetMillis() * (scheduled.size() / Math.max(1, settings.concurrency()) + 2L);
            if (!pool.awaitTermination(budget, TimeUnit.MILLISECONDS)) {
                pool.shutdownNow();
                complete = false;
            }
        } finally {
            pool.shutdownNow();
            scheduler.shutdownNow();
            ticker.shutdownNow();
        }
        if (settings.uses("arp")) {
            arp.read().forEach((ip, mac) -> {
                DeviceFacts facts = devices.get(ip);
                if (facts != null) {
                    facts.discoveredBy(Sources.ARP);
                    facts.add(Sources.ARP, "mac", mac);
                }
            });
        }
        Log.debugf("phase 2 done: %d devices probed", finished.get());
        DeviceIdentifier identifier = new DeviceIdentifier(ManufacturerCatalog.shipped(), registry());
        List<Observation> observations = devices.values().stream().filter(ScanEngine::isCamera)
                .sorted(Comparator.comparingLong(f -> Integer.toUnsignedLong(ipValue(f.ip()))))
                .map(identifier::identify).toList();
        progress.update(running.sent() + httpSweepSent.get(), planned, devices.size(), finished.get());
        return new Result(observations, startedAt, Instant.now(), running.sent() + httpSweepSent.get(), complete);
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

    private List<UdpProbe> udpProbes(UUID scanUuid, int targetCount) {
        List<UdpProbe> probes = new ArrayList<>();
        int maxXml = settings.limits().maxXmlBytes();
        if (settings.uses(Sources.WS_DISCOVERY)) {
            probes.add(new WsDiscoveryProbe(scanUuid, targetCount, maxXml));
        }
        if (settings.uses(Sources.SADP) && settings.multicast()) {
            probes.add(new SadpProbe(scanUuid, maxXml));
        }
        if (settings.uses(Sources.DHIP)) {
            probes.add(new DhipProbe(maxXml));
        }
        return probes;
    }

    private UdpSweep.Settings sweepSettings() {
        ScanSettings.Limits limits = settings.limits();
        return new UdpSweep.Settings(settings.rate(), settings.retries(),
                Math.round(settings.timeoutMillis() * limits.retryGapFraction()), settings.timeoutMillis(),
                settings.multicast(), settings.networkInterface(), settings.bindAddress(), limits.socketBufferBytes(),
                limits.maxDatagramBytes());
    }

    private void onReply(TargetSet targets, UdpSweep sweep, InetAddress from, DiscoveryReply reply, HttpFetcher http,
            List<DeviceProbe> deviceProbes, ExecutorService pool, ScheduledExecutorService scheduler) {
        String ip = null;
        if (reply.claimedAddress() != null && targets.contains(ipValue(reply.claimedAddress()))) {
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
        sweep.markAnswered(targets.indexOf(ipValue(ip)));
        DeviceFacts facts = devices.computeIfAbsent(ip, DeviceFacts::new);
        reply.applyTo(facts);
        boolean first = scheduled.add(ip);
        if (first && !deviceProbes.isEmpty()) {
            try {
                scheduler.schedule(() -> pool.execute(() -> phase2(facts, http, deviceProbes)),
                        settings.limits().phase2Grace().toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                pool.execute(() -> phase2(facts, http, deviceProbes));
            }
        } else if (first) {
            finished.incrementAndGet();
        }
    }

    private void phase2(DeviceFacts facts, HttpFetcher http, List<DeviceProbe> deviceProbes) {
        try {
            ProbeContext context = context(facts, http);
            List<DeviceProbe> ordered = new ArrayList<>(deviceProbes);
            if (!facts.xaddrs().isEmpty()) {
                // the device announced its ONVIF service: ask it first, so its answers can spare web requests
                ordered.sort(Comparator.comparing(probe -> !probe.method().equals("onvif")));
            }
            for (DeviceProbe probe : ordered) {
                if (Thread.currentThread().isInterrupted() || context.expired()) {
                    break;
                }
                probe.probe(facts, context);
            }
        } catch (RuntimeException e) {
            Log.debugf("phase 2 of %s stopped: %s", facts.ip(), e.getMessage());
        } finally {
            finished.incrementAndGet();
        }
    }

    /** HTTP sweep of a target that stayed silent in phase 1: if a web server answers, the rest of phase 2 follows. */
    private void sweepOne(String ip, HttpFetcher http, List<DeviceProbe> deviceProbes) {
        DeviceFacts facts = new DeviceFacts(ip);
        ProbeContext context = context(facts, http);
        httpSweepSent.addAndGet(settings.ports().size());
        try {
            for (DeviceProbe probe : deviceProbes) {
                if (Thread.currentThread().isInterrupted() || context.expired()) {
                    break;
                }
                probe.probe(facts, context);
                if (facts.isEmpty()) {
                    return;
                }
                devices.putIfAbsent(ip, facts);
            }
            finished.incrementAndGet();
        } catch (RuntimeException e) {
            Log.debugf("HTTP sweep of %s stopped: %s", ip, e.getMessage());
        }
    }

    private ProbeContext context(DeviceFacts facts, HttpFetcher http) {
        Set<Integer> ports = new LinkedHashSet<>(settings.ports());
        for (String source : List.of(Sources.SADP, Sources.DHIP)) {
            facts.all(source, "HttpPort").forEach(p -> {
                try {
                    int port = Integer.parseInt(p.trim());
                    if (port > 0 && port < 65536) {
                        ports.add(port);
                    }
                } catch (NumberFormatException e) {
                    facts.add(Sources.IDENTIFY, "HttpPort", "unusable: " + p);
                }
            });
        }
        return new ProbeContext(http, List.copyOf(ports), credentials, settings.limits().maxXmlBytes(),
                System.nanoTime() + deviceBudgetMillis() * 1_000_000L);
    }

    private long deviceBudgetMillis() {
        return (long) settings.timeoutMillis() * settings.limits().deviceBudgetTimeouts();
    }

    private static boolean isCamera(DeviceFacts facts) {
        return facts.discoveredBy().stream().anyMatch(DISCOVERY_METHODS::contains) || facts.has(Sources.HTTP_FINGERPRINT);
    }

    private static int ipValue(String ip) {
        String[] parts = ip.split("\\.");
        return (Integer.parseInt(parts[0]) << 24) | (Integer.parseInt(parts[1]) << 16) | (Integer.parseInt(parts[2]) << 8)
                | Integer.parseInt(parts[3]);
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
