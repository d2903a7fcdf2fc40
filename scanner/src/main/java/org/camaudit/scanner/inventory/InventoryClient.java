package org.camaudit.scanner.inventory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.camaudit.scanner.output.Json;

import io.quarkus.logging.Log;

/**
 * Posts observation batches to the inventory ({@code POST /api/v1/observations}, role scanner)
 * with HTTP Basic credentials, retrying connection failures, 429 and 5xx answers with exponential
 * back-off. Requests are idempotent per scanId, so a retry after a lost response is harmless.
 */
public final class InventoryClient {

    public static final String OBSERVATIONS_PATH = "/api/v1/observations";

    private final URI endpoint;
    private final Optional<String> authorization;
    private final int attempts;
    private final Duration backoff;
    private final Duration timeout;
    private final HttpClient client;

    public InventoryClient(String baseUrl, Optional<String> user, Optional<String> password, int attempts,
            Duration backoff, Duration timeout) {
        this.endpoint = endpoint(baseUrl);
        this.authorization = user.map(u -> "Basic " + Base64.getEncoder()
                .encodeToString((u + ":" + password.orElse("")).getBytes(StandardCharsets.UTF_8)));
        this.attempts = Math.max(1, attempts);
        this.backoff = backoff;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static URI endpoint(String baseUrl) {
        String trimmed = baseUrl.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.endsWith(OBSERVATIONS_PATH)) {
            trimmed += OBSERVATIONS_PATH;
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid --inventory URL '" + baseUrl + "'");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                || uri.getHost() == null) {
            throw new IllegalArgumentException("invalid --inventory URL '" + baseUrl + "' (expected http(s)://host[:port])");
        }
        return uri;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Posts one batch; returns the inventory's JSON answer. */
    public String post(ObservationBatch batch) throws InventoryException, InterruptedException {
        byte[] body;
        try {
            body = Json.MAPPER.writeValueAsBytes(batch);
        } catch (IOException e) {
            throw new InventoryException("cannot encode the observations");
        }
        return post(body);
    }

    /** Posts an already encoded batch (a spool file). */
    public String post(byte[] body) throws InventoryException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        authorization.ifPresent(value -> builder.header("Authorization", value));
        HttpRequest request = builder.build();
        String lastProblem = "no attempt made";
        long pause = backoff.toMillis();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body();
                }
                lastProblem = "HTTP " + status;
                if (status != 429 && status < 500) {
                    throw new InventoryException("the inventory refused the observations: HTTP " + status
                            + (status == 401 || status == 403 ? " (check CAMAUDIT_USER/CAMAUDIT_PASSWORD and the scanner role)" : ""));
                }
            } catch (IOException e) {
                lastProblem = e instanceof java.net.http.HttpTimeoutException ? "timed out" : "connection failed";
            }
            if (attempt < attempts) {
                Log.debugf("inventory attempt %s failed (%s); retrying in %s ms", Integer.toString(attempt), lastProblem, Long.toString(pause));
                Thread.sleep(pause);
                pause *= 2;
            }
        }
        throw new InventoryException("the inventory at " + endpoint + " is unreachable (" + lastProblem + " after "
                + attempts + " attempts)");
    }
}
