package org.camaudit.scanner.udp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** A UDP discovery protocol sent to a multicast group on the local segment. */
public interface MulticastUdpProbe extends UdpProbe {

    /** The multicast group. */
    InetAddress group();

    /** The multicast requests of one round (one per probe variant). */
    List<byte[]> multicastRequests(int round);

    /**
     * Whether devices answer multicast requests to the group (on this protocol's port) rather than
     * to the sender, so the sweep must also listen there.
     */
    default boolean repliesToGroup() {
        return false;
    }

    /** The address of a group written as a literal (which resolves without a name lookup). */
    static InetAddress literalGroup(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not a literal address: " + address, e);
        }
    }
}
