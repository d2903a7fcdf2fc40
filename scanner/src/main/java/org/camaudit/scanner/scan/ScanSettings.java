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
 * @param methods  enabled methods (ws-discovery, sadp, dhip, http, rtsp, onvif, arp)
 * @param ports    camera TCP ports: swept on every target (with {@code tcpSweep}) and fingerprinted on every device
 * @param rate     probes per second: UDP datagrams and TCP connection attempts together
 * @param tcpSweep connect-sweep {@code ports} on every target, so devices silent to discovery are found too
 */
public record ScanSettings(Set<String> methods, boolean multicast, Optional<NetworkInterface> networkInterface,
        Optional<InetAddress> bindAddress, List<Integer> ports, double rate, int concurrency, int timeoutMillis,
        int retries, boolean tcpSweep, Limits limits) {

    /** Caps and budgets from the configuration. */
    public record Limits(int maxXmlBytes, int maxHttpBodyBytes, int maxHttpHeaderBytes, int maxDatagramBytes,
            int socketBufferBytes, double retryGapFraction, Duration phase2Grace, int exchangeTimeouts,
            int deviceBudgetTimeouts, int maxPendingConnects) {
    }

    public static final List<String> ALL_METHODS = Method.ids();

    public boolean uses(String method) {
        return methods.contains(method);
    }

    /** The enabled methods, in the order of {@link Method}. */
    public List<Method> enabled() {
        return java.util.Arrays.stream(Method.values()).filter(m -> methods.contains(m.id())).toList();
    }
}
