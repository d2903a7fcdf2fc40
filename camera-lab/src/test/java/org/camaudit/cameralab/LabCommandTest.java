package org.camaudit.cameralab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The command line: listing profiles and refusing bad input with a clear message and exit code. */
@QuarkusMainTest
class LabCommandTest {

    @Test
    @Launch("--list-profiles")
    void listsEveryProfile(LaunchResult result) {
        assertThat(result.exitCode()).isZero();
        assertThat(result.getOutput()).contains("hikvision-oem", "xiongmai-oem", "generic-onvif", "synthetic",
                "ws-d,sadp", "ws-d,dhip");
    }

    @Test
    @Launch(value = { "--count", "3", "--network", "127.0.20.0/33" }, exitCode = 2)
    void refusesBadCidr(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("camera-lab: --network '127.0.20.0/33' is not an IPv4 CIDR");
    }

    @Test
    @Launch(value = { "--count", "3" }, exitCode = 2)
    void refusesCountWithoutNetwork(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("--count and --network go together");
    }

    @Test
    @Launch(value = { "--count", "3", "--network", "127.0.24.0/29", "--multicast", "on", "--interface", "no-such-nic0" },
            exitCode = 1)
    void refusesMulticastOnAnInterfaceWithoutIt(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("--multicast on: interface no-such-nic0 is missing");
    }

    @Test
    void refusesUnknownProfile(QuarkusMainLauncher launcher) throws Exception {
        Path fleet = Files.createTempFile("fleet", ".json");
        Files.writeString(fleet, "[{\"ip\":\"127.0.24.1\",\"profile\":\"no-such-vendor\"}]");
        LaunchResult result = launcher.launch("--fleet", fleet.toString());
        Files.delete(fleet);
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.getErrorOutput()).contains("unknown profile 'no-such-vendor'");
    }

    @Test
    void refusesAnAddressAlreadyInUse(QuarkusMainLauncher launcher) throws Exception {
        Path fleet = Files.createTempFile("fleet", ".json");
        Files.writeString(fleet, "[{\"ip\":\"127.0.24.2\",\"profile\":\"axis\"}]");
        try (ServerSocket taken = new ServerSocket(RunningFleet.HTTP_PORT, 1, InetAddress.getByName("127.0.24.2"))) {
            LaunchResult result = launcher.launch("--fleet", fleet.toString(), "--http-port",
                    Integer.toString(RunningFleet.HTTP_PORT), "--manifest", fleet + ".manifest");
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.getErrorOutput()).contains("127.0.24.2 TCP 28080", "in use");
            assertThat(Path.of(fleet + ".manifest")).doesNotExist();
        } finally {
            Files.delete(fleet);
        }
    }
}
