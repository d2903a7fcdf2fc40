package org.camaudit.testsupport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A schema-driven fuzzer over a service's own OpenAPI document: for every operation it sends requests built from
 * the declared parameters and body schemas, mutated the way hostile clients write them (see {@link SchemaValues}),
 * plus broken JSON, duplicate keys, other content types and other credentials. It runs until its time budget or
 * request budget is spent and reports every answer that breaks the error contract: a 5xx, or a 4xx that is not
 * {@code application/problem+json}.
 */
public final class OpenApiFuzzer {

    /** A request that broke the contract, with what came back. */
    public record Finding(String method, String uri, String contentType, String body, int status, String response) {
        @Override
        public String toString() {
            return method + " " + uri + " [" + contentType + "] " + abbreviate(body) + " -> " + status + " "
                    + abbreviate(response);
        }
    }

    /** What was sent and how it ended. */
    public record Report(long seed, int requests, int operations, List<Finding> findings) {

        /** Prints a summary and fails, naming the seed, when any request broke the error contract. */
        public void assertNoContractBroken() {
            System.out.printf("fuzz: %d requests over %d operations, seed %d, %d findings%n", requests, operations, seed,
                    findings.size());
            assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(5);
            assertThat(findings).as("requests that broke the error contract (replay with -D%s=%d)", SEED, seed).isEmpty();
        }
    }

    /** System property: seconds to fuzz (default 40). */
    public static final String SECONDS = "camaudit.fuzz.seconds";
    /** System property: the random seed (default fixed, so CI runs are repeatable). */
    public static final String SEED = "camaudit.fuzz.seed";
    private static final long DEFAULT_SEED = 20261201L;
    private static final long DEFAULT_SECONDS = 40;
    private static final int MAX_REQUESTS = 20_000;

    private record Operation(String method, String path, List<JsonNode> parameters, JsonNode requestBody) {
    }

    private static final String[] ACCEPT = {"application/json", "text/csv", "*/*", "application/xml", "text/csv, */*"};
    private static final String[] OTHER_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded"};

    private final URI base;
    private final String authorization;
    private final Duration budget;
    private final int maxRequests;
    private final long seed;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param base        the service's root URL
     * @param user        an account allowed to do everything (admin), so requests get past authorization
     * @param password    its password
     * @param budget      how long to keep sending
     * @param maxRequests the most requests to send
     * @param seed        the random seed; the same seed against the same document sends the same requests
     */
    public OpenApiFuzzer(URI base, String user, String password, Duration budget, int maxRequests, long seed) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.budget = budget;
        this.maxRequests = maxRequests;
        this.seed = seed;
    }

    /** A fuzzer for the service at {@code base} as {@code admin:admin}, with budget and seed from the system properties. */
    public static OpenApiFuzzer configured(URI base) {
        return new OpenApiFuzzer(base, "admin", "admin", Duration.ofSeconds(Long.getLong(SECONDS, DEFAULT_SECONDS)),
                MAX_REQUESTS, Long.getLong(SEED, DEFAULT_SEED));
    }

    public Report run() throws IOException, InterruptedException {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(base.resolve("/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode spec = json.readTree(document.body());
        List<Operation> operations = operations(spec);
        Random random = new Random(seed);
        SchemaValues values = new SchemaValues(spec, random);
        List<Finding> findings = new ArrayList<>();
        long deadline = System.nanoTime() + budget.toNanos();
        int sent = 0;
        while (sent < maxRequests && System.nanoTime() < deadline && !operations.isEmpty()) {
            Operation operation = operations.get(sent % operations.size());
            sent++;
            Finding finding = send(operation, values, random);
            if (finding != null && findings.size() < 50) {
                findings.add(finding);
            }
        }
        return new Report(seed, sent, operations.size(), findings);
    }

    private List<Operation> operations(JsonNode spec) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("get", "post", "put", "patch", "delete")) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    List<JsonNode> parameters = new ArrayList<>();
                    path.getValue().path("parameters").forEach(parameters::add);
                    op.path("parameters").forEach(parameters::add);
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), parameters, op.get("requestBody")));
                }
            }
        }
        return operations;
    }

    private Finding send(Operation operation, SchemaValues values, Random random) throws IOException, InterruptedException {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asText();
            String value = parameterValue(values, parameter.path("schema"), random);
            switch (parameter.path("in").asText()) {
                case "path" -> path = path.replace("{" + name + "}", URLEncoder.encode(value, StandardCharsets.UTF_8));
                case "query" -> {
                    if (random.nextInt(3) != 0) {
                        query.append(query.isEmpty() ? "?" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                    }
                }
                default -> {
                }
            }
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path + query))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", ACCEPT[random.nextInt(ACCEPT.length)]);
        if (random.nextInt(20) != 0) {
            request.header("Authorization", random.nextInt(30) == 0
                    ? "Basic " + Base64.getEncoder().encodeToString("fuzz-intruder:guess".getBytes(StandardCharsets.UTF_8))
                    : authorization);
        }
        String contentType = "";
        String body = "";
        if (operation.requestBody() != null || random.nextInt(10) == 0) {
            JsonNode content = operation.requestBody() == null ? null : operation.requestBody().path("content");
            List<String> types = new ArrayList<>();
            if (content != null) {
                content.fieldNames().forEachRemaining(types::add);
            }
            contentType = types.isEmpty() || random.nextInt(15) == 0 ? OTHER_TYPES[random.nextInt(OTHER_TYPES.length)]
                    : types.get(random.nextInt(types.size()));
            JsonNode schema = content == null || types.isEmpty() ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : content.path(types.get(0)).path("schema");
            body = body(values, schema, random);
            request.header("Content-Type", contentType);
            request.method(operation.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return new Finding(operation.method(), path + query, contentType, body, 0, "no answer: " + e.getMessage());
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean broken = status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"));
        return broken ? new Finding(operation.method(), path + query, contentType, body, status, response.body()) : null;
    }

    private String parameterValue(SchemaValues values, JsonNode schema, Random random) {
        JsonNode resolved = values.resolve(schema);
        if ("integer".equals(SchemaValues.type(resolved)) && random.nextBoolean()) {
            return String.valueOf(random.nextBoolean() ? random.nextInt(50) : SchemaValues.HOSTILE_NUMBERS.get(
                    random.nextInt(SchemaValues.HOSTILE_NUMBERS.size())));
        }
        return values.text(resolved);
    }

    private String body(SchemaValues values, JsonNode schema, Random random) throws IOException {
        String text = json.writeValueAsString(values.value(schema, 0));
        return switch (random.nextInt(14)) {
            case 0 -> text.length() > 2 ? text.substring(0, random.nextInt(text.length() - 1)) : "{";
            case 1 -> text.startsWith("{\"") ? "{\"" + text.substring(2, text.indexOf('"', 2)) + "\":1," + text.substring(1) : text;
            case 2 -> "";
            case 3 -> "[" + text + "]";
            case 4 -> "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
            default -> text;
        };
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
