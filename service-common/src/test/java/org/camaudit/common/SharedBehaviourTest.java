package org.camaudit.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SharedBehaviourTest {

    @Test
    void shouldChallengeRequestsWithoutCredentials() {
        given()
                .when().get("/probe")
                .then()
                .statusCode(Status.UNAUTHORIZED.getStatusCode())
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"))
                .body("status", equalTo(401));
    }

    @Test
    void shouldRejectAWrongPassword() {
        given().auth().preemptive().basic("viewer", "wrong")
                .when().get("/probe")
                .then()
                .statusCode(Status.UNAUTHORIZED.getStatusCode())
                .contentType("application/problem+json");
    }

    @Test
    void shouldAcceptABcryptAccount() {
        given().auth().preemptive().basic("hashed", "s3cret")
                .when().get("/probe")
                .then()
                .statusCode(Status.OK.getStatusCode());
    }

    @Test
    void shouldLetAdminDoEverythingThroughImpliedRoles() {
        given().auth().preemptive().basic("admin", "admin")
                .when().get("/probe")
                .then()
                .statusCode(Status.OK.getStatusCode());
    }

    @Test
    void shouldForbidAScannerFromReading() {
        given().auth().preemptive().basic("scanner", "scanner")
                .when().get("/probe")
                .then()
                .statusCode(Status.FORBIDDEN.getStatusCode())
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void shouldNameEachInvalidField() {
        given().auth().preemptive().basic("scanner", "scanner")
                .contentType("application/json")
                .body("{\"scanId\":\"\",\"items\":[{\"ip\":\"10.0.0.1\"},{\"ip\":\" \"}]}")
                .when().post("/probe")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItem("scanId"))
                .body("errors.field", hasItem("items[1].ip"));
    }

    @Test
    void shouldNameAnInvalidQueryParameter() {
        given().auth().preemptive().basic("viewer", "viewer")
                .queryParam("size", 5000)
                .when().get("/probe")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItem("size"));
    }

    @Test
    void shouldExplainMalformedJsonWithoutLeakingClassNames() {
        given().auth().preemptive().basic("scanner", "scanner")
                .contentType("application/json")
                .body("{\"scanId\": \"x\", \"items\": [")
                .when().post("/probe")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void shouldAnswerABadParameterValueWithBadRequestNotNotFound() {
        given().auth().preemptive().basic("viewer", "viewer")
                .queryParam("size", "abc")
                .when().get("/probe")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("title", equalTo("Bad parameter"));
    }

    @Test
    void shouldStillAnswerAnUnknownPathWithNotFound() {
        given().auth().preemptive().basic("viewer", "viewer")
                .when().get("/probe/nowhere/at/all")
                .then()
                .statusCode(Status.NOT_FOUND.getStatusCode());
    }

    @Test
    void shouldSayWhereTheJsonBreaks() {
        given().auth().preemptive().basic("scanner", "scanner")
                .contentType("application/json")
                .body("{bad")
                .when().post("/probe")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request body"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void shouldNameAnUnknownField() {
        given().auth().preemptive().basic("scanner", "scanner")
                .contentType("application/json")
                .body("{\"scanId\": \"x\", \"colour\": \"red\"}")
                .when().post("/probe")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void shouldNameAFieldOfTheWrongType() {
        given().auth().preemptive().basic("scanner", "scanner")
                .contentType("application/json")
                .body("{\"scanId\": \"x\", \"items\": [{\"ip\": \"a\"}, {\"ip\": {\"nested\": 1}}]}")
                .when().post("/probe")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItem("items[1].ip"));
    }

    @Test
    void shouldRenderServiceProblems() {
        given().auth().preemptive().basic("viewer", "viewer")
                .when().get("/probe/missing")
                .then()
                .statusCode(Status.NOT_FOUND.getStatusCode())
                .contentType("application/problem+json")
                .body("detail", equalTo("Device 42 does not exist"));
    }

    @Test
    void shouldRefuseAnOversizedBodyBeforeReadingIt() {
        given().auth().preemptive().basic("scanner", "scanner")
                .contentType("application/json")
                .body(new byte[2 * 1024 * 1024])
                .when().post("/probe")
                .then()
                .statusCode(Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode())
                .contentType("application/problem+json");
    }

    @Test
    void shouldDeclareBasicAuthInTheOpenApiDocument() {
        given()
                .when().get("/q/openapi?format=json")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("components.securitySchemes.basicAuth.scheme", equalTo("basic"));
    }

    @Test
    void shouldDeclareTheStandardErrorsOnceForEveryApiOperation() {
        given()
                .when().get("/q/openapi?format=json")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("paths.'/api/v1/openapi-probe'.get.responses.'401'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/v1/openapi-probe'.get.responses.'403'.description", containsString("role"))
                .body("paths.'/api/v1/openapi-probe'.get.responses.'429'.headers.'Retry-After'", notNullValue())
                .body("paths.'/api/v1/openapi-probe'.get.responses.'503'.description", equalTo("the other service is unreachable"))
                .body("paths.'/probe'.get.responses.'429'", nullValue());
    }
}
