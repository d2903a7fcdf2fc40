package org.camaudit.audit.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.rest.ApiTestSupport.as;
import static org.camaudit.audit.rest.ApiTestSupport.inventoryHolds;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/** Every endpoint against every role: allowed roles get past security, the others get 403, nobody gets 401. */
@QuarkusTest
class AuthorizationTest {

    private static final Set<String> READERS = Set.of("viewer", "facilities", "auditor", "admin");
    private static final Set<String> AUDITORS = Set.of("auditor", "admin");
    private static final Set<String> ADMINS = Set.of("admin");
    private static final List<String> ROLES = List.of("viewer", "facilities", "scanner", "auditor", "admin");

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void emptyInventory() {
        circuitBreakers.resetAll();
        inventoryHolds(List.of());
    }

    record Endpoint(String method, String path, String body, Set<String> allowed) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Arguments> endpointsAndRoles() {
        List<Endpoint> endpoints = List.of(
                new Endpoint("GET", "/api/v1/policy", null, READERS),
                new Endpoint("PUT", "/api/v1/policy", "{\"schema\":\"not-a-policy\"}", ADMINS),
                new Endpoint("GET", "/api/v1/policy/versions", null, READERS),
                new Endpoint("POST", "/api/v1/audits", null, AUDITORS),
                new Endpoint("GET", "/api/v1/audits", null, READERS),
                new Endpoint("GET", "/api/v1/audits/1", null, READERS),
                new Endpoint("GET", "/api/v1/findings", null, READERS),
                new Endpoint("GET", "/api/v1/findings/1", null, READERS),
                new Endpoint("GET", "/api/v1/findings/1/history", null, READERS),
                new Endpoint("PATCH", "/api/v1/findings/99999999", "{\"note\":\"n\"}", AUDITORS),
                new Endpoint("GET", "/api/v1/replacement-plan", null, READERS),
                new Endpoint("GET", "/api/v1/cost-table", null, READERS),
                new Endpoint("PUT", "/api/v1/cost-table", "{\"currency\":\"usd\"}", AUDITORS));
        return endpoints.stream().flatMap(e -> ROLES.stream().map(role -> Arguments.of(e, role)));
    }

    private static Response call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.body != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body);
        }
        return request.request(endpoint.method, endpoint.path);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("endpointsAndRoles")
    void shouldLetOnlyTheRightRolesThrough(Endpoint endpoint, String role) {
        int status = call(as(role), endpoint).statusCode();

        if (endpoint.allowed.contains(role)) {
            assertThat(status).isNotIn(Status.UNAUTHORIZED.getStatusCode(), Status.FORBIDDEN.getStatusCode());
        } else {
            assertThat(status).isEqualTo(Status.FORBIDDEN.getStatusCode());
        }
    }

    @ParameterizedTest(name = "{0} anonymously")
    @MethodSource("endpointsAndRoles")
    void shouldChallengeAnonymousCallers(Endpoint endpoint, String role) {
        Response response = call(given(), endpoint);

        assertThat(response.statusCode()).isEqualTo(Status.UNAUTHORIZED.getStatusCode());
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
    }
}
