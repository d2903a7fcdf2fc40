package org.camaudit.audit.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.util.List;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import io.quarkus.test.junit.QuarkusTest;

import org.camaudit.testsupport.HostileRequests;

/**
 * What a penetration tester sends: every hostile input is a 400/413/414/429/431 problem, never a 500, and nothing is
 * stored altered. {@code HostileClientIT} runs the same checks against the packaged jar.
 */
@QuarkusTest
class HostileClientTest {

    private static RequestSpecification as(String account) {
        return given().auth().preemptive().basic(account, account);
    }

    @Test
    void shouldRejectControlCharactersInQueryAndPathParameters() {
        for (String parameter : List.of("site", "vendor")) {
            as("viewer").urlEncodingEnabled(false)
                    .when().get("/api/v1/findings?" + parameter + "=a%00b")
                    .then()
                    .statusCode(Status.BAD_REQUEST.getStatusCode())
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(parameter));
        }
        as("viewer").urlEncodingEnabled(false)
                .when().get("/api/v1/replacement-plan?site=%00")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode());
    }

    @Test
    void shouldRejectControlCharactersAndDuplicateKeysInAFindingDecision() {
        as("auditor").contentType("application/json").body("{\"note\":\"ok\\u0000\"}")
                .when().patch("/api/v1/findings/1")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItem("note"));
        as("auditor").contentType("application/json").body("{\"note\":\"a\",\"note\":\"b\"}")
                .when().patch("/api/v1/findings/1")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItem("note"));
    }

    @Test
    void shouldRejectControlCharactersInAPolicy() {
        String policy = as("viewer").when().get("/api/v1/policy").then().statusCode(Status.OK.getStatusCode())
                .extract().asString();
        String hostile = policy.replaceFirst(":\\s*\"", ":\"\\\\u0000");
        assertThat(hostile).isNotEqualTo(policy);
        as("admin").contentType("application/json").body(hostile)
                .when().put("/api/v1/policy")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body(containsString("U+0000"));
    }

    @Test
    void shouldRejectAPageWhoseOffsetOverflowsOnEveryList() {
        for (String path : List.of("/api/v1/findings", "/api/v1/audits")) {
            as("viewer").queryParam("page", Integer.MAX_VALUE)
                    .when().get(path)
                    .then()
                    .statusCode(Status.BAD_REQUEST.getStatusCode())
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("page"));
        }
    }

    @Test
    void shouldAnswerOversizedRequestsWithProblems() throws IOException {
        HostileRequests.assertOversizedRequestsAnsweredWithProblems(RestAssured.port, "/api/v1/findings",
                "/api/v1/policy", "Basic YWRtaW46YWRtaW4=");
    }

    @Test
    void shouldRefuseAnUnknownTransferEncodingWithoutRunningWhatFollows() throws IOException {
        HostileRequests.assertUnknownTransferEncodingRefused(RestAssured.port, "PATCH", "/api/v1/findings/1",
                "Basic YWRtaW46YWRtaW4=", "/api/v1/audits");
    }

    @Test
    void shouldCarrySecurityHeaders() {
        as("viewer").when().get("/api/v1/findings")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
        given().when().get("/q/swagger-ui/")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void shouldThrottleRepeatedFailedLoginsOfOneAccount() {
        for (int i = 0; i < 6; i++) {
            given().auth().preemptive().basic("intruder", "guess-" + i)
                    .when().get("/api/v1/findings")
                    .then().statusCode(Status.UNAUTHORIZED.getStatusCode());
        }
        given().auth().preemptive().basic("intruder", "guess")
                .when().get("/api/v1/findings")
                .then()
                .statusCode(Status.TOO_MANY_REQUESTS.getStatusCode())
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        as("viewer").when().get("/api/v1/findings").then().statusCode(Status.OK.getStatusCode());
    }
}
