package org.camaudit.scanner.tcp;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of one device's ports are open: all connections at once, settled within one timeout, so
 * a device behind a firewall that drops closed ports costs one timeout, not one per port.
 */
public final class PortCheck {

    private PortCheck() {
    }

    public static List<Integer> openPorts(InetAddress address, List<Integer> ports, long timeoutMillis,
            Optional<InetAddress> bindAddress) throws InterruptedException {
        List<Integer> open = new ArrayList<>();
        ConnectSweep sweep = new ConnectSweep(new ConnectSweep.Settings(Double.POSITIVE_INFINITY, timeoutMillis,
                Math.max(1, ports.size()), bindAddress));
        try {
            sweep.run(1, index -> address, ports, (target, found) -> open.addAll(found));
        } catch (IOException e) {
            return List.of();
        }
        return open;
    }
}
