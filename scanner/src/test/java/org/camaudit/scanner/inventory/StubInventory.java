package org.camaudit.scanner.inventory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in inventory on a free loopback port: answers {@code POST /api/v1/observations}, records
 * what it got, and can fail the first requests with 503.
 */
final class StubInventory implements AutoCloseable {

    final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger failuresLeft = new AtomicInteger();
    private final HttpServer server;

    StubInventory() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/observations", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            byte[] answer;
            int status;
            if (failuresLeft.getAndDecrement() > 0) {
                status = 503;
                answer = "{\"status\":503}".getBytes(StandardCharsets.UTF_8);
            } else {
                bodies.add(new String(body, StandardCharsets.UTF_8));
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                status = 200;
                answer = "{\"received\":1}".getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
