package org.camaudit.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for inventory-service on a free loopback port: serves {@code GET /api/v1/devices/stream} (NDJSON) from
 * a device list, checking HTTP Basic credentials. Tests drive it over HTTP (it runs outside the application's class
 * loader): {@code PUT /stub/devices} with a JSON array sets the devices; {@code PUT /stub/mode?value=} sets the
 * stream's behaviour (see {@link #stream}).
 */
public class InventoryStub implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "audit-reader";
    public static final String PASSWORD = "stub-secret";
    /** Small pages, so a handful of devices already spans several requests. */

    private static final ObjectMapper JSON = new ObjectMapper();
    private HttpServer server;
    private volatile List<JsonNode> devices = List.of();
    private volatile String mode = "ok";

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the inventory stub", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/v1/devices/stream", this::stream);
        server.createContext("/stub/devices", this::setDevices);
        server.createContext("/stub/mode", this::setMode);
        server.start();
        String url = "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort();
        return Map.of(
                "quarkus.rest-client.inventory.url", url,
                "camaudit.audit.inventory.user", USER,
                "camaudit.audit.inventory.password", PASSWORD,
                "test.inventory-stub.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /**
     * The device stream as inventory-service writes it: one device per line, then {@code {"total":N}}. Modes:
     * {@code ok}; {@code drop} closes the connection unanswered; {@code fail} answers 500; {@code cut-after-N}
     * sends N devices and ends without the total line; {@code wrong-total} claims one device more than it sent.
     */
    private void stream(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"status\":401}");
            return;
        }
        String current = mode;
        if ("drop".equals(current)) {
            exchange.close();
            return;
        }
        if ("fail".equals(current)) {
            send(exchange, 500, "{\"status\":500,\"title\":\"Internal Server Error\"}");
            return;
        }
        List<JsonNode> all = devices;
        int sent = current.startsWith("cut-after-") ? Math.min(all.size(), Integer.parseInt(current.substring(10)))
                : all.size();
        exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < sent; i++) {
                out.write((JSON.writeValueAsString(all.get(i)) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            if (!current.startsWith("cut-after-")) {
                int total = "wrong-total".equals(current) ? sent + 1 : sent;
                out.write(("{\"total\":" + total + "}\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        exchange.close();
    }

    private void setDevices(HttpExchange exchange) throws IOException {
        JsonNode array = JSON.readTree(exchange.getRequestBody());
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        devices = List.copyOf(list);
        send(exchange, 204, null);
    }

    private void setMode(HttpExchange exchange) throws IOException {
        mode = query(exchange).getOrDefault("value", "ok");
        send(exchange, 204, null);
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> result = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    result.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return result;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }
}
