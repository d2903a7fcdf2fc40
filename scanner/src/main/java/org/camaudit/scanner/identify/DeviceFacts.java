package org.camaudit.scanner.identify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything learned about one address during a scan. Probes add to it from several threads;
 * identification reads it once the scan is over. Every fact is an {@link Evidence}.
 */
public final class DeviceFacts {

    private final String ip;
    private final Set<String> discoveredBy = new LinkedHashSet<>();
    private final Set<Evidence> evidence = new LinkedHashSet<>();
    private final Set<String> xaddrs = new LinkedHashSet<>();
    private final Set<String> scopes = new LinkedHashSet<>();
    private final Set<Integer> httpPorts = new TreeSet<>();
    private final Set<String> reasons = new LinkedHashSet<>();
    private Boolean authRequired;
    private boolean refusedForCredentials;
    private List<Integer> openPorts;
    private Instant observedAt;

    public DeviceFacts(String ip) {
        this.ip = ip;
    }

    public String ip() {
        return ip;
    }

    public synchronized void discoveredBy(String method) {
        discoveredBy.add(method);
        if (observedAt == null) {
            observedAt = Instant.now();
        }
    }

    public synchronized void add(String source, String field, String value) {
        if (value != null && !value.isBlank()) {
            evidence.add(new Evidence(source, field, value));
        }
    }

    public synchronized void addXaddr(String xaddr) {
        xaddrs.add(xaddr);
    }

    public synchronized void addScope(String scope) {
        scopes.add(scope);
    }

    public synchronized void addHttpPort(int port) {
        httpPorts.add(port);
    }

    public synchronized void authRequired(boolean required) {
        authRequired = authRequired == null ? required : authRequired || required;
    }

    /** Why the device could not be identified further, in words a person can act on ({@link Reasons}). */
    public synchronized void reason(String reason) {
        reasons.add(reason);
    }

    public synchronized List<String> reasons() {
        return List.copyOf(reasons);
    }

    /**
     * The device refused a request for want of credentials (NotAuthorized, 400 or 401): from now on
     * it gets no request that needs them, so a camera that counts failures is not locked.
     */
    public synchronized void refusedForCredentials() {
        refusedForCredentials = true;
        authRequired = Boolean.TRUE;
    }

    public synchronized boolean hasRefusedForCredentials() {
        return refusedForCredentials;
    }

    /** The device's open TCP ports, once the connect sweep or phase 2 has settled them. */
    public synchronized void openPorts(List<Integer> ports) {
        if (openPorts == null) {
            openPorts = List.copyOf(ports);
            if (!ports.isEmpty()) {
                evidence.add(new Evidence(Sources.TCP_OPEN, "ports",
                        String.join(",", ports.stream().map(String::valueOf).toList())));
            }
        }
    }

    public synchronized Optional<List<Integer>> openPorts() {
        return Optional.ofNullable(openPorts);
    }

    public synchronized List<Evidence> evidence() {
        return List.copyOf(evidence);
    }

    public synchronized Optional<String> first(String source, String field) {
        return evidence.stream().filter(e -> e.source().equals(source) && e.field().equals(field)).map(Evidence::value)
                .findFirst();
    }

    public synchronized List<String> all(String source, String field) {
        return evidence.stream().filter(e -> e.source().equals(source) && e.field().equals(field)).map(Evidence::value)
                .toList();
    }

    public synchronized boolean has(String source) {
        return evidence.stream().anyMatch(e -> e.source().equals(source));
    }

    public synchronized List<String> discoveredBy() {
        return new ArrayList<>(discoveredBy);
    }

    public synchronized List<String> xaddrs() {
        return List.copyOf(xaddrs);
    }

    public synchronized List<String> scopes() {
        return List.copyOf(scopes);
    }

    public synchronized List<Integer> httpPorts() {
        return List.copyOf(httpPorts);
    }

    public synchronized Boolean authRequired() {
        return authRequired;
    }

    public synchronized Instant observedAt() {
        return observedAt == null ? Instant.now() : observedAt;
    }

    public synchronized boolean isEmpty() {
        return discoveredBy.isEmpty();
    }
}
