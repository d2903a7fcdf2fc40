package org.camaudit.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SecurityHeadersTest {

    @Test
    void shouldMarkDataResponsesNosniffAndNotStorable() {
        given().auth().preemptive().basic("viewer", "viewer")
                .when().get("/probe")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void shouldMarkProblemsToo() {
        given()
                .when().get("/probe")
                .then()
                .statusCode(Status.UNAUTHORIZED.getStatusCode())
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void shouldForbidFramingOfPages() {
        given()
                .when().get("/q/swagger-ui/")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
