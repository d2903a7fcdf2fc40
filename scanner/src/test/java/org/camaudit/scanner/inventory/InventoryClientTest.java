package org.camaudit.scanner.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.camaudit.scanner.output.Json;
import org.camaudit.scanner.output.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class InventoryClientTest {

    private static final ObservationBatch BATCH = new ObservationBatch("6f1c0000-0000-4000-8000-000000000001", "HQ",
            new ObservationBatch.ScannerInfo("jump-1", "0.1.0"), "2026-11-28T10:00:00Z", "2026-11-28T10:00:09Z",
            List.of("10.1.0.0/24"), List.of(new Observation("10.1.0.23", null, "Hikvision", null, null, null, null, null,
                    List.of("sadp"), null, List.of(), List.of(), null, "2026-11-28T10:00:04Z")));

    private static InventoryClient client(String url, int attempts) {
        return new InventoryClient(url, Optional.of("scan"), Optional.of("s3cret"), attempts, Duration.ofMillis(10),
                Duration.ofSeconds(5));
    }

    @Test
    void shouldPostTheBatchWithBasicAuthToTheObservationsPath() throws Exception {
        try (StubInventory inventory = new StubInventory()) {
            client(inventory.url() + "/", 1).post(BATCH);
            assertThat(inventory.bodies).hasSize(1);
            JsonNode body = Json.MAPPER.readTree(inventory.bodies.get(0));
            assertThat(body.path("scanId").asText()).isEqualTo(BATCH.scanId());
            assertThat(body.path("site").asText()).isEqualTo("HQ");
            assertThat(body.path("scanner").path("host").asText()).isEqualTo("jump-1");
            assertThat(body.path("targets").get(0).asText()).isEqualTo("10.1.0.0/24");
            assertThat(body.path("observations").get(0).path("ip").asText()).isEqualTo("10.1.0.23");
            assertThat(inventory.authorizations.get(0)).isEqualTo("Basic c2NhbjpzM2NyZXQ=");
        }
    }

    @Test
    void shouldRetryServerErrorsWithBackoff() throws Exception {
        try (StubInventory inventory = new StubInventory()) {
            inventory.failuresLeft.set(2);
            client(inventory.url(), 3).post(BATCH);
            assertThat(inventory.bodies).hasSize(1);
        }
    }

    @Test
    void shouldGiveUpOnAnUnreachableInventoryWithAClearMessage() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThatThrownBy(() -> client("http://127.0.0.1:" + closedPort, 2).post(BATCH))
                .isInstanceOf(InventoryException.class).hasMessageContaining("unreachable").hasMessageContaining("2 attempts");
    }

    @Test
    void shouldSpoolAndReplayIdempotently(@TempDir Path dir) throws Exception {
        Spool spool = new Spool(dir.resolve("spool"));
        Path file = spool.write(BATCH, 0);
        assertThat(file.getFileName().toString()).isEqualTo(BATCH.scanId() + "-0000.json");
        assertThat(spool.pending()).containsExactly(file);
        try (StubInventory inventory = new StubInventory()) {
            InventoryClient client = client(inventory.url(), 1);
            for (Path pending : spool.pending()) {
                client.post(Files.readAllBytes(pending));
                spool.markSent(pending);
            }
            assertThat(spool.pending()).isEmpty();
            assertThat(Files.exists(dir.resolve("spool/sent").resolve(file.getFileName()))).isTrue();
            assertThat(Json.MAPPER.readTree(inventory.bodies.get(0)).path("scanId").asText()).isEqualTo(BATCH.scanId());
        }
    }

    @Test
    void shouldRefuseUrlsThatAreNotHttp() {
        assertThatThrownBy(() -> client("ftp://inventory", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--inventory");
        assertThat(client("https://inv.example:8443/api/v1/observations", 1).endpoint().toString())
                .isEqualTo("https://inv.example:8443/api/v1/observations");
    }
}
