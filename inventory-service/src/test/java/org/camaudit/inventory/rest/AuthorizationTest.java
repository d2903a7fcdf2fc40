package org.camaudit.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.camaudit.inventory.Fixtures.as;
import static org.camaudit.inventory.Fixtures.batch;
import static org.camaudit.inventory.Fixtures.obs;
import static org.camaudit.inventory.Fixtures.post;
import static org.camaudit.inventory.Fixtures.uniqueSite;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import org.camaudit.testsupport.PostgresTestResource;

/** Every endpoint against every role: who gets in (not 401/403) and who gets 401 or 403 as problem+json. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class AuthorizationTest {

    private static final List<String> ACCOUNTS = List.of("viewer", "facilities", "scanner", "auditor", "admin");
    private static final Set<String> READERS = Set.of("viewer", "facilities", "auditor", "admin");

    private static long deviceId;
    private static String scanId;

    private record Endpoint(String method, String path, Set<String> allowed) {
    }

    @BeforeEach
    void recordOneDevice() {
        if (scanId != null) {
            return;
        }
        scanId = java.util.UUID.randomUUID().toString();
        deviceId = post(batch(scanId, uniqueSite("authz"), List.of(obs("10.31.0.1"))))
                .statusCode(Status.OK.getStatusCode())
                .extract().jsonPath().getLong("devices[0].deviceId");
    }

    static Stream<Arguments> matrix() {
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/api/v1/observations", Set.of("scanner", "admin")),
                new Endpoint("GET", "/api/v1/devices", READERS),
                new Endpoint("GET", "/api/v1/devices/{id}", READERS),
                new Endpoint("GET", "/api/v1/devices/stream?site=authz-empty", READERS),
                new Endpoint("PATCH", "/api/v1/devices/{id}", Set.of("facilities", "admin")),
                new Endpoint("GET", "/api/v1/devices/{id}/sightings", READERS),
                new Endpoint("GET", "/api/v1/scans", READERS),
                new Endpoint("GET", "/api/v1/scans/{scanId}", READERS),
                new Endpoint("GET", "/api/v1/sites", READERS));
        return endpoints.stream().flatMap(e -> ACCOUNTS.stream().map(a -> Arguments.of(e.method(), e.path(), a,
                e.allowed().contains(a))));
    }

    @ParameterizedTest(name = "{0} {1} as {2}")
    @MethodSource("matrix")
    void shouldAllowOnlyTheRolesOfEachEndpoint(String method, String path, String account, boolean allowed) {
        int status = request(as(account), method, path).then().extract().statusCode();
        if (allowed) {
            org.assertj.core.api.Assertions.assertThat(status).isBetween(200, 299);
        } else {
            request(as(account), method, path).then()
                    .statusCode(Status.FORBIDDEN.getStatusCode())
                    .contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
    }

    @ParameterizedTest(name = "{0} {1} anonymously")
    @MethodSource("matrix")
    void shouldChallengeRequestsWithoutCredentials(String method, String path, String account, boolean allowed) {
        request(given(), method, path).then()
                .statusCode(Status.UNAUTHORIZED.getStatusCode())
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"));
    }

    @Test
    void shouldRejectWrongPassword() {
        given().auth().preemptive().basic("viewer", "wrong").when().get("/api/v1/devices")
                .then()
                .statusCode(Status.UNAUTHORIZED.getStatusCode())
                .body("detail", not(equalTo(null)));
    }

    @Test
    void shouldServeHealthMetricsAndOpenApiWithoutCredentials() {
        given().when().get("/q/health/ready").then().statusCode(Status.OK.getStatusCode());
        given().when().get("/q/metrics").then().statusCode(Status.OK.getStatusCode())
                .body(org.hamcrest.Matchers.containsString("camaudit_inventory_ingest"));
        given().accept("application/json").when().get("/q/openapi")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("components.securitySchemes.basicAuth.scheme", equalTo("basic"))
                .body("paths.'/api/v1/observations'.post.responses.keySet()",
                        org.hamcrest.Matchers.hasItems("200", "400", "401", "403", "413", "503"));
    }

    private static io.restassured.response.Response request(RequestSpecification spec, String method, String path) {
        String resolved = path.replace("{id}", String.valueOf(deviceId)).replace("{scanId}", scanId);
        return switch (method) {
            case "POST" -> spec.contentType(ContentType.JSON)
                    .body(batch(uniqueSite("authz-post"), List.of(obs("10.31.1.1")))).post(resolved);
            case "PATCH" -> spec.contentType("application/merge-patch+json").body(Map.of("notes", "checked"))
                    .patch(resolved);
            default -> spec.get(resolved);
        };
    }
}
