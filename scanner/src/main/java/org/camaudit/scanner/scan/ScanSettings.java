package org.camaudit.scanner.scan;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one scan needs to know, from the command line and the configuration.
 *
 * @param methods   enabled methods (ws-discovery, sadp, dhip, http, onvif, arp)
 * @param httpSweep fingerprint every target over HTTP, not only those that answered discovery
 */
public record ScanSettings(Set<String> methods, boolean multicast, Optional<NetworkInterface> networkInterface,
        Optional<InetAddress> bindAddress, List<Integer> ports, double rate, int concurrency, int timeoutMillis,
        int retries, boolean httpSweep, Limits limits) {

    /** Caps and budgets from the configuration. */
    public record Limits(int maxXmlBytes, int maxHttpBodyBytes, int maxHttpHeaderBytes, int maxDatagramBytes,
            int socketBufferBytes, double retryGapFraction, Duration phase2Grace, int exchangeTimeouts,
            int deviceBudgetTimeouts) {
    }

    public static final List<String> ALL_METHODS = List.of("ws-discovery", "sadp", "dhip", "http", "onvif", "arp");

    public boolean uses(String method) {
        return methods.contains(method);
    }
}
