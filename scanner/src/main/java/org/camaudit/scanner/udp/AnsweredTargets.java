package org.camaudit.scanner.udp;

import java.net.InetAddress;
import java.util.BitSet;

import org.camaudit.scanner.target.Addresses;
import org.camaudit.scanner.target.TargetSet;

/**
 * Which targets have answered, so later rounds skip them. The receiver marks them; the senders
 * read them. A reply counts for the address it names (SADP IPv4Address, DHIP IPAddress, an
 * XAddr's host), else for the address it came from.
 */
final class AnsweredTargets {

    private final TargetSet targets;
    private final BitSet answered = new BitSet();

    AnsweredTargets(TargetSet targets) {
        this.targets = targets;
    }

    void mark(InetAddress from, DiscoveryReply reply) {
        int index = -1;
        if (reply.claimedAddress() != null) {
            index = targets.indexOf(Addresses.parse(reply.claimedAddress()));
        }
        if (index < 0) {
            index = targets.indexOf(Addresses.toInt(from).orElse(0));
        }
        if (index >= 0) {
            synchronized (answered) {
                answered.set(index);
            }
        }
    }

    boolean has(int targetIndex) {
        synchronized (answered) {
            return answered.get(targetIndex);
        }
    }
}
