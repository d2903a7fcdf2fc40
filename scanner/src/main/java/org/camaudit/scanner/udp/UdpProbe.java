package org.camaudit.scanner.udp;

import java.net.InetAddress;
import java.util.List;

/**
 * One UDP discovery protocol: its port and how to read what arrives. What it can send is a
 * separate capability ({@link UnicastUdpProbe}, {@link MulticastUdpProbe}), so the sweep never asks
 * a protocol for a request it does not have. Implementations are stateless apart from the
 * identifiers they put in requests, and parse every datagram that arrives on their socket
 * (hostile input: anything may arrive).
 */
public interface UdpProbe {

    /** The method name used in {@code --methods} and in {@code discoveredBy}. */
    String method();

    /** The device-side UDP port. */
    int port();

    /**
     * Parses one datagram received on this protocol's socket.
     *
     * @return the devices it describes (a WS-Discovery reply may hold several matches), or nothing
     *         when the datagram is not a reply to this scan's requests
     */
    List<DiscoveryReply> parse(InetAddress from, byte[] data, int length);
}
