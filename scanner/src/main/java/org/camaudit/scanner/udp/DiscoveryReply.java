package org.camaudit.scanner.udp;

import java.util.List;

import org.camaudit.scanner.identify.DeviceFacts;
import org.camaudit.scanner.identify.Evidence;
import org.camaudit.scanner.identify.Reasons;

/**
 * What one discovery datagram said about one device.
 *
 * @param method         the discovery method ({@code ws-discovery}, {@code sadp}, {@code dhip})
 * @param claimedAddress the IPv4 address the payload names for the device (SADP IPv4Address, DHIP
 *                       IPAddress, the host of an XAddr), or null
 * @param httpPort       an HTTP port the device announced, or null
 * @param unparseable    the datagram could not be read (malformed, hostile or oversized): the
 *                       sender answered, so it is reported, with that as the reason
 */
public record DiscoveryReply(String method, String claimedAddress, List<Evidence> evidence, List<String> xaddrs,
        List<String> scopes, Integer httpPort, boolean unparseable) {

    public DiscoveryReply(String method, String claimedAddress, List<Evidence> evidence, List<String> xaddrs,
            List<String> scopes, Integer httpPort) {
        this(method, claimedAddress, evidence, xaddrs, scopes, httpPort, false);
    }

    /** A reply that answered but could not be read; {@code why} says what was wrong with it. */
    public static DiscoveryReply unparseable(String method, String why) {
        return new DiscoveryReply(method, null, List.of(new Evidence(method, "reply", "could not be parsed: " + why)),
                List.of(), List.of(), null, true);
    }

    public void applyTo(DeviceFacts facts) {
        facts.discoveredBy(method);
        evidence.forEach(e -> facts.add(e.source(), e.field(), e.value()));
        xaddrs.forEach(facts::addXaddr);
        scopes.forEach(facts::addScope);
        if (unparseable) {
            facts.reason(Reasons.UNPARSEABLE);
        }
    }
}
