package org.camaudit.inventory.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.camaudit.testsupport.PostgresTestResource;

/** The OpenAPI document describes devices and sightings flat, as they are served, and the stream. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class OpenApiDocumentTest {

    @Test
    void shouldDescribeTheObservedFactsOfDevicesAndSightingsAsTheirOwnFields() {
        given().accept("application/json").when().get("/q/openapi")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("components.schemas.Device.properties.keySet()",
                        hasItems("id", "site", "ip", "mac", "serialNumber", "identification", "observedAt", "status"))
                .body("components.schemas.Sighting.properties.keySet()",
                        hasItems("id", "deviceId", "scanId", "site", "ip", "identification", "observedAt"))
                .body("paths.'/api/v1/devices/stream'.get.responses.'200'.content.'application/x-ndjson'", notNullValue())
                .body("paths.'/api/v1/devices'.get.parameters.name", hasItems("identification"))
                .body("paths.'/api/v1/observations'.post.responses.keySet()", hasItems("409"));
    }
}
