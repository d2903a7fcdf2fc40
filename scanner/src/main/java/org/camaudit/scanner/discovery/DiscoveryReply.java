package org.camaudit.scanner.discovery;

import java.util.List;

import org.camaudit.scanner.identify.DeviceFacts;
import org.camaudit.scanner.identify.Evidence;

/**
 * What one discovery datagram said about one device.
 *
 * @param method         the discovery method ({@code ws-discovery}, {@code sadp}, {@code dhip})
 * @param claimedAddress the IPv4 address the payload names for the device (SADP IPv4Address, DHIP
 *                       IPAddress, the host of an XAddr), or null
 * @param httpPort       an HTTP port the device announced, or null
 */
public record DiscoveryReply(String method, String claimedAddress, List<Evidence> evidence, List<String> xaddrs,
        List<String> scopes, Integer httpPort) {

    public void applyTo(DeviceFacts facts) {
        facts.discoveredBy(method);
        evidence.forEach(e -> facts.add(e.source(), e.field(), e.value()));
        xaddrs.forEach(facts::addXaddr);
        scopes.forEach(facts::addScope);
    }
}
