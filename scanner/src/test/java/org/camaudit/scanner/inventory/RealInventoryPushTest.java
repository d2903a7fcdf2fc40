package org.camaudit.scanner.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.camaudit.scanner.identify.Evidence;
import org.camaudit.scanner.output.Json;
import org.camaudit.scanner.output.Observation;
import org.camaudit.testsupport.PostgresCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The scanner's delivery against the real inventory-service (its packaged jar, a throwaway
 * PostgreSQL): accepted batches, idempotent re-posts, a spool written while the inventory is down
 * and replayed once it is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealInventoryPushTest {

    private static final Path JAR = Path.of("../inventory-service/target/quarkus-app/quarkus-run.jar");
    private static final String HOST = "127.0.30.250";
    private static final String SCANNER_PASSWORD = "Scanner-" + UUID.randomUUID();
    private static final String VIEWER_PASSWORD = "Viewer-" + UUID.randomUUID();

    private Process inventory;
    private int port;
    private Path workDir;

    @BeforeAll
    void startInventory() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException("inventory-service is not built: ./mvnw -B -q -pl inventory-service -am package -DskipTests");
        }
        workDir = Files.createTempDirectory(Path.of("target"), "inventory-");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        start();
    }

    private void start() throws Exception {
        PostgresCluster.Connection db = PostgresCluster.connection();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.host=" + HOST, "-Dquarkus.http.port=" + port, "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("inventory.log").toFile()));
        builder.environment().putAll(Map.of("DB_URL", db.jdbcUrl(), "DB_USER", db.user(), "DB_PASSWORD", db.password(),
                "CAMAUDIT_ACCOUNTS", "scanner:" + SCANNER_PASSWORD + ":scanner,viewer:" + VIEWER_PASSWORD + ":viewer"));
        inventory = builder.start();
        long deadline = System.currentTimeMillis() + 120_000;
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            if (!inventory.isAlive()) {
                throw new IllegalStateException("inventory-service exited: " + Files.readString(workDir.resolve("inventory.log")));
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("inventory-service not ready in time");
            }
            Thread.sleep(250);
        }
    }

    private void stop() throws InterruptedException {
        if (inventory != null) {
            inventory.destroy();
            if (!inventory.waitFor(20, TimeUnit.SECONDS)) {
                inventory.destroyForcibly();
                inventory.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @AfterAll
    void stopInventory() throws InterruptedException {
        stop();
    }

    private String url() {
        return "http://" + HOST + ":" + port;
    }

    private InventoryClient client() {
        return new InventoryClient(url(), Optional.of("scanner"), Optional.of(SCANNER_PASSWORD), 2, Duration.ofMillis(50),
                Duration.ofSeconds(30));
    }

    private static ObservationBatch batch(String site, int devices) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 1; i <= devices; i++) {
            observations.add(new Observation("127.0.31." + i, String.format("44:19:b6:00:30:%02x", i), "Hikvision",
                    "HIKVISION", "DS-2CD2012-I", "V5.2.0 build 140721", "DS-2CD2012-I2016PUSH" + site + i, "88",
                    List.of("ws-discovery", "onvif", "oui"), new Observation.Onvif(
                            List.of("http://127.0.31." + i + "/onvif/device_service"), List.of(), true),
                    List.of(80), List.of(new Evidence("onvif.GetDeviceInformation", "Manufacturer", "HIKVISION")),
                    new Observation.Identification(i % 2 == 0 ? "complete" : "partial",
                            i % 2 == 0 ? List.of() : List.of("login rejected")),
                    "2026-11-28T10:00:04Z"));
        }
        return new ObservationBatch(UUID.randomUUID().toString(), site, new ObservationBatch.ScannerInfo("test", "0.1.0"),
                "2026-11-28T10:00:00Z", "2026-11-28T10:00:09Z", List.of("127.0.31.0/24"), observations);
    }

    private JsonNode devices(String site) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("viewer:" + VIEWER_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url() + "/api/v1/devices?site=" + site + "&size=1000")).header("Authorization", "Basic " + auth)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return Json.MAPPER.readTree(response.body());
    }

    @Test
    void shouldStoreAScanAndAnswerARepostIdempotently() throws Exception {
        ObservationBatch batch = batch("PushA", 3);
        JsonNode first = Json.MAPPER.readTree(client().post(batch));
        assertThat(first.path("received").asInt()).isEqualTo(3);
        assertThat(first.path("created").asInt()).isEqualTo(3);
        JsonNode again = Json.MAPPER.readTree(client().post(batch));
        assertThat(again.path("received").asInt()).isEqualTo(first.path("received").asInt());
        assertThat(again.path("created").asInt()).isEqualTo(first.path("created").asInt());
        assertThat(devices("PushA").path("total").asInt()).isEqualTo(3);
    }

    @Test
    void shouldRefuseAWrongAccountWithoutRetrying() {
        InventoryClient wrong = new InventoryClient(url(), Optional.of("scanner"), Optional.of("wrong"), 3,
                Duration.ofMillis(50), Duration.ofSeconds(30));
        assertThatThrownBy(() -> wrong.post(batch("PushB", 1))).isInstanceOf(InventoryException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void shouldSpoolWhileTheInventoryIsDownAndReplayOnceItIsBack() throws Exception {
        ObservationBatch batch = batch("PushC", 2);
        Spool spool = new Spool(workDir.resolve("spool"));
        stop();
        try {
            assertThatThrownBy(() -> client().post(batch)).isInstanceOf(InventoryException.class)
                    .hasMessageContaining("unreachable");
            spool.write(batch, 0);
        } finally {
            start();
        }
        for (Path file : spool.pending()) {
            client().post(Files.readAllBytes(file));
            spool.markSent(file);
        }
        assertThat(spool.pending()).isEmpty();
        assertThat(devices("PushC").path("total").asInt()).isEqualTo(2);
        JsonNode replay = Json.MAPPER.readTree(client().post(Files.readAllBytes(
                workDir.resolve("spool/sent").resolve(batch.scanId() + "-0000.json"))));
        assertThat(replay.path("received").asInt()).isEqualTo(2);
        assertThat(devices("PushC").path("total").asInt()).as("replaying the same scan stores nothing twice").isEqualTo(2);
    }
}
