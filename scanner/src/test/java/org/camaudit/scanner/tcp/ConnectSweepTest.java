package org.camaudit.scanner.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The connect sweep on loopback: open, closed (refused) and filtered ports. A filtered port is
 * made the way a SYN flood makes one: a listener whose accept queue is full drops further SYNs,
 * so the connection neither completes nor is refused.
 */
class ConnectSweepTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    private int listen(InetAddress address) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, address);
        resources.add(server);
        return server.getLocalPort();
    }

    /** A port whose accept queue is full: the kernel drops new SYNs. */
    private int filtered(InetAddress address) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, address);
        resources.add(server);
        for (int i = 0; i < 3; i++) {
            Socket filler = new Socket();
            try {
                filler.connect(new InetSocketAddress(address, server.getLocalPort()), 200);
                resources.add(filler);
            } catch (IOException e) {
                filler.close();
                break;
            }
        }
        return server.getLocalPort();
    }

    @Test
    void shouldReportOnlyOpenPortsPerTarget() throws Exception {
        InetAddress first = InetAddress.getByName("127.0.34.1");
        InetAddress second = InetAddress.getByName("127.0.34.2");
        int open = listen(first);
        int closed = listen(second);
        Map<Integer, List<Integer>> found = new ConcurrentHashMap<>();
        ConnectSweep sweep = new ConnectSweep(new ConnectSweep.Settings(10_000, 1000, 64, Optional.empty()));
        sweep.run(3, index -> index == 0 ? first : index == 1 ? second : loopback(3), List.of(open, closed),
                (target, ports) -> found.put(target, ports));
        assertThat(found).containsOnlyKeys(0, 1);
        assertThat(found.get(0)).containsExactly(open);
        assertThat(found.get(1)).containsExactly(closed);
        assertThat(sweep.attempted()).isEqualTo(6);
        assertThat(sweep.opened()).isEqualTo(2);
        assertThat(sweep.timedOut()).as("refused is closed, not filtered").isZero();
    }

    @Test
    void shouldWaitForAllFilteredPortsOfADeviceTogether() throws Exception {
        InetAddress device = InetAddress.getByName("127.0.34.10");
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ports.add(filtered(device));
        }
        int open = listen(device);
        ports.add(open);
        List<Integer> found = new ArrayList<>();
        ConnectSweep sweep = new ConnectSweep(new ConnectSweep.Settings(Double.POSITIVE_INFINITY, 500, 64,
                Optional.empty()));
        sweep.run(1, index -> device, ports, (target, openPorts) -> found.addAll(openPorts));
        assertThat(found).containsExactly(open);
        assertThat(sweep.timedOut()).as("every filtered port waited out its timeout").isEqualTo(5);
        assertThat(sweep.peakInFlight()).as("all in flight at once: one timeout for the device, not one per port")
                .isEqualTo(6);
    }

    @Test
    void shouldNeverHaveMoreAttemptsInFlightThanAllowed() throws Exception {
        InetAddress device = InetAddress.getByName("127.0.34.20");
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ports.add(filtered(device));
        }
        ConnectSweep sweep = new ConnectSweep(new ConnectSweep.Settings(Double.POSITIVE_INFINITY, 200, 2,
                Optional.empty()));
        sweep.run(1, index -> device, ports, (target, openPorts) -> {
        });
        assertThat(sweep.peakInFlight()).isEqualTo(2);
        assertThat(sweep.timedOut()).isEqualTo(4);
    }

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByName("127.0.34." + last);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
