package org.camaudit.audit.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.quarkus.logging.Log;

import org.camaudit.audit.client.Device;
import org.camaudit.audit.client.InventoryStreamClient;
import org.camaudit.audit.client.NdjsonLines;
import org.camaudit.audit.config.AuditConfig;
import org.camaudit.common.problem.ProblemException;

/**
 * Reads every device from inventory-service's NDJSON stream and hands each one on as it arrives, so the audit
 * evaluates while the inventory still writes. The stream must end with {@code {"total":N}} naming as many devices
 * as were read; a stream that breaks off, lies about its total or sends a line that is no device is a failure
 * (503, and the audit stores nothing).
 */
@ApplicationScoped
public class InventoryReader {

    private static final byte[] TOTAL_PREFIX = "{\"total\"".getBytes(StandardCharsets.UTF_8);
    /** The longest device line accepted; inventory-service's own request limits keep real lines far below it. */
    private static final int MAX_LINE_BYTES = 16 << 20;

    private final InventoryStreamClient client;
    private final AuditConfig config;
    /** Its own reader: the audit depends on the inventory's device shape only, not on this service's JSON settings. */
    private final ObjectReader devices = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readerFor(Device.class);
    private final ObjectReader totals = new ObjectMapper().readerFor(JsonNode.class);

    InventoryReader(InventoryStreamClient client, AuditConfig config) {
        this.client = client;
        this.config = config;
    }

    /** Calls {@code each} for every device in inventory order; returns how many there were. */
    public int read(Consumer<Device> each) {
        int[] read = {0};
        long[] total = {-1};
        try (InputStream body = open()) {
            NdjsonLines lines = new NdjsonLines(body, MAX_LINE_BYTES);
            boolean ended = lines.forEach((bytes, offset, length) -> {
                if (startsWith(bytes, offset, length, TOTAL_PREFIX)) {
                    total[0] = totals.<JsonNode>readValue(bytes, offset, length).path("total").asLong(-1);
                    return false;
                }
                if (++read[0] > config.inventory().maxDevices()) {
                    throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "Inventory too large",
                            "inventory-service lists more than camaudit.audit.inventory.max-devices ("
                                    + config.inventory().maxDevices() + ") devices; nothing was stored");
                }
                each.accept(devices.readValue(bytes, offset, length));
                return true;
            });
            if (!ended) {
                throw unavailable("the stream ended after " + read[0] + " devices without its total line");
            }
            if (total[0] != read[0] || lines.hasMore()) {
                throw unavailable("the stream's total line says " + total[0] + " devices after " + read[0]);
            }
            return read[0];
        } catch (JsonProcessingException e) {
            throw unavailable("line " + (read[0] + 1) + " of the stream is not a device: " + e.getOriginalMessage());
        } catch (IOException | UncheckedIOException e) {
            throw unavailable("the stream broke off after " + read[0] + " devices (" + e.getMessage() + ")");
        }
    }

    private static boolean startsWith(byte[] bytes, int offset, int length, byte[] prefix) {
        return length >= prefix.length && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }

    private InputStream open() {
        try {
            return client.open();
        } catch (RuntimeException e) {
            throw unavailable("the device stream could not be opened (" + e.getMessage() + ")");
        }
    }

    private static ProblemException unavailable(String why) {
        Log.warnf("inventory-service could not be read: %s", why);
        return new ProblemException(Response.Status.SERVICE_UNAVAILABLE, "Inventory unavailable",
                "inventory-service could not be read: " + why + "; the audit stopped and nothing was stored");
    }
}
