package org.camaudit.scanner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;

/** The command line as a user meets it: exit codes, one-line messages, output, spool and push. */
@QuarkusMainTest
class ScannerCliTest {

    @Test
    @Launch(value = { "scan", "10.0.0.0/33" }, exitCode = ExitCodes.USAGE)
    void shouldRejectABadCidrWithOneLine(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("invalid CIDR '10.0.0.0/33'");
        assertThat(result.getErrorOutput().strip().lines()).hasSize(1);
    }

    @Test
    @Launch(value = { "scan", "10.0.0.0/8" }, exitCode = ExitCodes.USAGE)
    void shouldRefuseTooManyTargets(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("too many targets").contains("--allow-large");
    }

    @Test
    @Launch(value = { "scan", "127.0.31.0/30", "--methods", "ws-discovery,telnet" }, exitCode = ExitCodes.USAGE)
    void shouldRejectUnknownMethods(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("unknown method 'telnet'");
    }

    @Test
    @Launch(value = { "scan", "127.0.31.0/30", "--inventory", "http://127.0.0.1:1" }, exitCode = ExitCodes.USAGE)
    void shouldRequireASiteForTheInventory(LaunchResult result) {
        assertThat(result.getErrorOutput()).contains("--site is required");
    }

    @Test
    @Launch(value = { "scan", "127.0.31.0/30", "--format", "json", "--timeout", "100", "--retries", "0", "--no-multicast" })
    void shouldPrintAnEmptyJsonArrayWhenNothingAnswers(LaunchResult result) {
        assertThat(result.getOutput().strip()).isEqualTo("[ ]");
    }

    @Test
    void shouldSpoolWhenTheInventoryIsUnreachableAndPushLater(QuarkusMainLauncher launcher) throws IOException {
        Path spool = Files.createTempDirectory(Path.of("target"), "spool-");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LaunchResult scan = launcher.launch("scan", "127.0.31.4/30", "--site", "HQ", "--timeout", "100", "--retries", "0",
                "--no-multicast", "--format", "csv", "--inventory", "http://127.0.0.1:" + closedPort, "--spool",
                spool.toString());
        assertThat(scan.exitCode()).isEqualTo(ExitCodes.INVENTORY_UNREACHABLE);
        assertThat(scan.getErrorOutput()).contains("unreachable").contains("scanner push");
        assertThat(scan.getOutput()).startsWith("ip,mac,manufacturer");
        List<Path> spooled;
        try (Stream<Path> files = Files.list(spool)) {
            spooled = files.filter(f -> f.toString().endsWith(".json")).toList();
        }
        assertThat(spooled).hasSize(1);
        assertThat(Files.readString(spooled.get(0))).contains("\"site\":\"HQ\"").contains("\"targets\":[\"127.0.31.4/30\"]");

        List<String> received = Collections.synchronizedList(new ArrayList<>());
        HttpServer inventory = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        inventory.createContext("/api/v1/observations", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        inventory.start();
        try {
            String url = "http://127.0.0.1:" + inventory.getAddress().getPort();
            LaunchResult push = launcher.launch("push", spool.toString(), "--inventory", url);
            assertThat(push.exitCode()).isEqualTo(ExitCodes.DONE);
            assertThat(received).hasSize(1);
            assertThat(received.get(0)).contains("\"site\":\"HQ\"");
            LaunchResult again = launcher.launch("push", spool.toString());
            assertThat(again.exitCode()).isEqualTo(ExitCodes.DONE);
            assertThat(again.getErrorOutput()).as("without --inventory, the URL the scan could not reach")
                    .contains("127.0.0.1:" + closedPort);
            assertThat(received).as("a second push sends nothing twice").hasSize(1);
        } finally {
            inventory.stop(0);
        }
    }

    @Test
    void shouldLoadANewerOuiRegistry(QuarkusMainLauncher launcher) throws IOException {
        Path csv = Files.createTempDirectory(Path.of("target"), "oui-").resolve("oui.csv");
        Files.writeString(csv, "Registry,Assignment,Organization Name,Organization Address\nMA-L,A1B2C3,Example Cameras,Here\n");
        Path output = csv.resolveSibling("registry.tsv.gz");
        LaunchResult result = launcher.launch("oui", "update", csv.toString(), "--date", "2031-05-06", "--output",
                output.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.DONE);
        assertThat(result.getErrorOutput()).contains("1 OUI assignments dated 2031-05-06");
        assertThat(output).exists();
    }
}
