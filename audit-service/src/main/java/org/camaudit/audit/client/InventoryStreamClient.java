package org.camaudit.audit.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

import org.camaudit.audit.config.AuditConfig;

/**
 * Opens inventory-service's device stream ({@code GET /api/v1/devices/stream}, NDJSON). Opening is retried for
 * passing failures and guarded by a circuit breaker so a dead inventory fails audits fast; once the body flows it
 * is read as it arrives, each read bounded by the inventory read timeout. Plain {@link HttpURLConnection}: the
 * body is consumed while the inventory still writes it, never buffered whole.
 */
@ApplicationScoped
public class InventoryStreamClient {

    static final String PATH = "/api/v1/devices/stream";

    private final URI stream;
    private final int connectTimeoutMs;
    private final int readTimeoutMs;
    private final String authorization;

    InventoryStreamClient(AuditConfig config, @ConfigProperty(name = "quarkus.rest-client.inventory.url") String url,
            @ConfigProperty(name = "quarkus.rest-client.inventory.connect-timeout", defaultValue = "5000") int connectTimeoutMs,
            @ConfigProperty(name = "quarkus.rest-client.inventory.read-timeout", defaultValue = "30000") int readTimeoutMs) {
        this.stream = URI.create(url.replaceAll("/+$", "") + PATH);
        this.connectTimeoutMs = connectTimeoutMs;
        this.readTimeoutMs = readTimeoutMs;
        AuditConfig.Inventory inventory = config.inventory();
        this.authorization = inventory.user()
                .map(user -> "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + inventory.password().orElse("")).getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
    }

    /** The body of a 200 answer; the caller closes it. Anything else is an {@link UncheckedIOException}. */
    @Retry(maxRetries = 2, delay = 250, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public InputStream open() {
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) stream.toURL().openConnection();
            connection.setConnectTimeout(connectTimeoutMs);
            connection.setReadTimeout(readTimeoutMs);
            connection.setRequestProperty("Accept", "application/x-ndjson");
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            int status = connection.getResponseCode();
            if (status != HttpURLConnection.HTTP_OK) {
                connection.disconnect();
                throw new IOException("inventory-service answered " + status);
            }
            return connection.getInputStream();
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            throw new UncheckedIOException(e);
        }
    }
}
