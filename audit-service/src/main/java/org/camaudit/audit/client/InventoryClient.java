package org.camaudit.audit.client;

import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import org.camaudit.audit.config.AuditConfig;

/**
 * Reads inventory-service with a timeout per page, retries for passing failures and a circuit breaker so a dead
 * inventory fails audits fast. Every knob can be changed through configuration
 * ({@code quarkus.fault-tolerance."org.camaudit.audit.client.InventoryClient/page".retry.max-retries=...}).
 */
@ApplicationScoped
public class InventoryClient {

    private final InventoryRestClient client;
    private final String authorization;

    InventoryClient(@RestClient InventoryRestClient client, AuditConfig config) {
        this.client = client;
        AuditConfig.Inventory inventory = config.inventory();
        this.authorization = inventory.user()
                .map(user -> "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + inventory.password().orElse("")).getBytes(StandardCharsets.UTF_8)))
                .orElse(null);
    }

    /** One page of devices (0-based). */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 250, jitter = 100)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    public DevicePage page(int page, int size) {
        return client.devices(page, size, authorization);
    }
}
