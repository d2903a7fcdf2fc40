package org.camaudit.scanner.scan;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camaudit.scanner.credentials.CredentialStore;
import org.camaudit.scanner.http.HttpFetcher;
import org.camaudit.scanner.identify.DeviceFacts;
import org.camaudit.scanner.identify.Sources;
import org.camaudit.scanner.probe.DeviceProbe;
import org.camaudit.scanner.probe.ProbeContext;
import org.camaudit.scanner.target.Addresses;
import org.camaudit.scanner.tcp.PortCheck;

import io.quarkus.logging.Log;

/**
 * Phase 2 for one device: which of its ports are open (known from the TCP sweep, else checked
 * all at once, so filtered ports cost one timeout together), then each device probe in turn,
 * within the device's budget.
 */
final class DeviceInterrogation {

    private final ScanSettings settings;
    private final CredentialStore credentials;
    private final HttpFetcher http;
    private final List<DeviceProbe> probes;

    DeviceInterrogation(ScanSettings settings, CredentialStore credentials, HttpFetcher http, List<DeviceProbe> probes) {
        this.settings = settings;
        this.credentials = credentials;
        this.http = http;
        this.probes = probes;
    }

    boolean hasProbes() {
        return !probes.isEmpty();
    }

    void interrogate(DeviceFacts facts) throws InterruptedException {
        long deadline = System.nanoTime() + budgetMillis() * 1_000_000L;
        List<Integer> open = facts.openPorts().orElse(null);
        if (open == null) {
            open = PortCheck.openPorts(address(facts.ip()), candidatePorts(facts), settings.timeoutMillis(),
                    settings.bindAddress());
            facts.openPorts(open);
        }
        ProbeContext context = new ProbeContext(http, open, credentials, settings.limits().maxXmlBytes(), deadline);
        List<DeviceProbe> ordered = new ArrayList<>(probes);
        if (!facts.xaddrs().isEmpty()) {
            // the device announced its ONVIF service: ask it first, so its answers can spare web requests
            ordered.sort(Comparator.comparing(probe -> !probe.method().equals("onvif")));
        }
        for (DeviceProbe probe : ordered) {
            if (Thread.currentThread().isInterrupted() || context.expired()) {
                return;
            }
            try {
                probe.probe(facts, context);
            } catch (RuntimeException e) {
                Log.debugf("%s probe of %s stopped: %s", probe.method(), facts.ip(), e.getMessage());
            }
        }
    }

    /** The configured ports and any HTTP port the device announced in its discovery reply. */
    private List<Integer> candidatePorts(DeviceFacts facts) {
        Set<Integer> ports = new LinkedHashSet<>(settings.ports());
        for (String source : List.of(Sources.SADP, Sources.DHIP)) {
            for (String p : facts.all(source, "HttpPort")) {
                try {
                    int port = Integer.parseInt(p.trim());
                    if (port > 0 && port < 65536) {
                        ports.add(port);
                    }
                } catch (NumberFormatException e) {
                    facts.add(Sources.IDENTIFY, "HttpPort", "unusable: " + p);
                }
            }
        }
        for (String xaddr : facts.xaddrs()) {
            try {
                java.net.URI uri = java.net.URI.create(xaddr.trim());
                if ("http".equalsIgnoreCase(uri.getScheme()) && uri.getPort() > 0) {
                    ports.add(uri.getPort());
                }
            } catch (IllegalArgumentException e) {
                Log.debugf("unusable XAddr from %s", facts.ip());
            }
        }
        return List.copyOf(ports);
    }

    long budgetMillis() {
        return (long) settings.timeoutMillis() * settings.limits().deviceBudgetTimeouts();
    }

    private static InetAddress address(String ip) {
        return Addresses.toInet(Addresses.parse(ip));
    }
}
