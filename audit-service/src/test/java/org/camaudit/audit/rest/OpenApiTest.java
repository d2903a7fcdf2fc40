package org.camaudit.audit.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** What procurement sees in Swagger UI: tagged operations, Basic auth, examples for each status. */
@QuarkusTest
class OpenApiTest {

    @Test
    void shouldDescribeEveryOperationWithBasicAuthAndExamples() {
        given().accept("application/json")
                .when().get("/q/openapi")
                .then().statusCode(Status.OK.getStatusCode())
                .body("tags.name", hasItems("Policy", "Audits", "Findings", "Replacement plan", "Cost table"))
                .body("components.securitySchemes.basicAuth.scheme", equalTo("basic"))
                .body("paths.'/api/v1/replacement-plan'.get.responses.'200'.content.'text/csv'.examples.csv.value",
                        containsString("NDAA §889-compliant dome camera"))
                .body("paths.'/api/v1/audits'.post.responses.'503'.content.'application/problem+json'.examples", notNullValue())
                .body("paths.'/api/v1/findings/{id}'.patch.requestBody", notNullValue());
    }

    @Test
    void shouldServeSwaggerUi() {
        given().when().get("/q/swagger-ui/")
                .then().statusCode(Status.OK.getStatusCode());
    }
}
