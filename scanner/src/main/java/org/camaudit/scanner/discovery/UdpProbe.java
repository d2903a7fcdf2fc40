package org.camaudit.scanner.discovery;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * One UDP discovery protocol. Implementations are stateless apart from the identifiers they put
 * in requests, build every request themselves and parse every datagram that arrives on their
 * socket (hostile input: anything may arrive).
 */
public interface UdpProbe {

    /** The method name used in {@code --methods} and in {@code discoveredBy}. */
    String method();

    /** The device-side UDP port. */
    int port();

    /** Whether the protocol is sent to every target address. */
    boolean unicast();

    /** Whether the protocol is sent to a multicast group on the local segment. */
    boolean multicast();

    /** The multicast group, for protocols that use one. */
    default Optional<InetAddress> group() {
        return Optional.empty();
    }

    /**
     * Whether devices answer multicast requests to the group (on this protocol's port) rather than
     * to the sender, so the sweep must also listen there.
     */
    default boolean repliesToGroup() {
        return false;
    }

    /**
     * The request for one target in one round. The target index and round let a protocol with
     * message identifiers tie replies to requests.
     */
    byte[] unicastRequest(int targetIndex, int round);

    /** The multicast requests of one round (one per probe variant). */
    List<byte[]> multicastRequests(int round);

    /**
     * Parses one datagram received on this protocol's socket.
     *
     * @return the devices it describes (a WS-Discovery reply may hold several matches), or nothing
     *         when the datagram is not a reply to this scan's requests
     */
    List<DiscoveryReply> parse(InetAddress from, byte[] data, int length);
}
