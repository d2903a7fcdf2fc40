package org.camaudit.inventory.security;

import static org.camaudit.inventory.Fixtures.as;
import static org.camaudit.inventory.Fixtures.batch;
import static org.camaudit.inventory.Fixtures.obs;
import static org.camaudit.inventory.Fixtures.post;
import static org.camaudit.inventory.Fixtures.uniqueSite;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.util.List;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.camaudit.testsupport.PostgresTestResource;
import org.camaudit.testsupport.HostileRequests;

/**
 * What a penetration tester sends: every hostile input is a 400/413/414/429/431 problem, never a 500, and nothing is
 * stored altered. {@code HostileClientIT} runs the same checks against the packaged jar.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class HostileClientTest {

    private static String json(String site, String observation) {
        return "{\"scanId\":\"" + java.util.UUID.randomUUID() + "\",\"site\":\"" + site + "\",\"observations\":["
                + observation + "]}";
    }

    private static io.restassured.response.ValidatableResponse postRaw(String body) {
        return as("scanner").contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/observations")
                .then();
    }

    @Test
    void shouldRejectControlCharactersInObservationFields() {
        String site = uniqueSite("nul");
        postRaw(json(site, "{\"ip\":\"10.9.0.1\",\"model\":\"DS\\u0000X\"}"))
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItem("observations[0].model"));
        postRaw(json(site, "{\"ip\":\"10.9.0.1\",\"evidence\":[{\"source\":\"oui\",\"field\":\"mac\",\"value\":\"a\\u0000\"}]}"))
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItem("observations[0].evidence[0].value"));
        as("viewer").queryParam("site", site).when().get("/api/v1/devices")
                .then().statusCode(Status.OK.getStatusCode()).body("total", equalTo(0));
    }

    @Test
    void shouldRejectControlCharactersInQueryAndPathParameters() {
        for (String parameter : List.of("q", "site", "manufacturer")) {
            as("viewer").urlEncodingEnabled(false)
                    .when().get("/api/v1/devices?" + parameter + "=a%00b")
                    .then()
                    .statusCode(Status.BAD_REQUEST.getStatusCode())
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(parameter));
        }
        as("viewer").urlEncodingEnabled(false)
                .when().get("/api/v1/scans/abc%00def")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json");
    }

    @Test
    void shouldRejectControlCharactersInADevicePatch() {
        String site = uniqueSite("patch");
        long id = post(batch(site, List.of(obs("10.9.1.1")))).statusCode(Status.OK.getStatusCode())
                .extract().jsonPath().getLong("devices[0].deviceId");
        as("facilities").contentType("application/merge-patch+json").body("{\"notes\":\"lobby\\u0000\"}")
                .when().patch("/api/v1/devices/" + id)
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("detail", containsString("U+0000"));
    }

    @Test
    void shouldRejectADateBeyondTheYear9999() {
        postRaw(json(uniqueSite("date"), "{\"ip\":\"10.9.2.1\",\"observedAt\":\"+99999-01-01T00:00:00Z\"}"))
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItem("observations[0].observedAt"));
    }

    @Test
    void shouldRejectAPageWhoseOffsetOverflowsOnEveryList() {
        long id = post(batch(uniqueSite("page"), List.of(obs("10.9.3.1")))).statusCode(Status.OK.getStatusCode())
                .extract().jsonPath().getLong("devices[0].deviceId");
        for (String path : List.of("/api/v1/devices", "/api/v1/scans", "/api/v1/devices/" + id + "/sightings")) {
            as("viewer").queryParam("page", Integer.MAX_VALUE)
                    .when().get(path)
                    .then()
                    .statusCode(Status.BAD_REQUEST.getStatusCode())
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("page"));
        }
    }

    @Test
    void shouldRejectDuplicateKeys() {
        String site = uniqueSite("dup");
        postRaw("{\"scanId\":\"" + java.util.UUID.randomUUID() + "\",\"site\":\"" + site + "\",\"site\":\"other\","
                + "\"observations\":[{\"ip\":\"10.9.4.1\"}]}")
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItem("site"));
    }

    @Test
    void shouldRejectLossyNumbersAndUnpairedSurrogates() {
        String site = uniqueSite("lossy");
        postRaw(json(site, "{\"ip\":\"10.9.5.1\",\"httpPorts\":[80.5]}"))
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItem("observations[0].httpPorts[0]"));
        postRaw(json(site, "{\"ip\":\"10.9.5.1\",\"model\":\"DS\\ud800\"}"))
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("detail", containsString("unpaired surrogate"));
        as("viewer").queryParam("site", site).when().get("/api/v1/devices")
                .then().statusCode(Status.OK.getStatusCode()).body("total", equalTo(0));
    }

    @Test
    void shouldAnswerOversizedRequestsWithProblems() throws IOException {
        HostileRequests.assertOversizedRequestsAnsweredWithProblems(RestAssured.port, "/api/v1/devices",
                "/api/v1/observations", "Basic c2Nhbm5lcjpzY2FubmVy");
    }

    @Test
    void shouldRefuseAnUnknownTransferEncodingWithoutRunningWhatFollows() throws IOException {
        HostileRequests.assertUnknownTransferEncodingRefused(RestAssured.port, "POST", "/api/v1/observations",
                "Basic YWRtaW46YWRtaW4=", "/api/v1/sites");
    }

    @Test
    void shouldCarrySecurityHeaders() {
        as("viewer").when().get("/api/v1/devices")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
        RestAssured.given().when().get("/q/swagger-ui/")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void shouldThrottleRepeatedFailedLoginsOfOneAccount() {
        for (int i = 0; i < 6; i++) {
            RestAssured.given().auth().preemptive().basic("intruder", "guess-" + i)
                    .when().get("/api/v1/sites")
                    .then().statusCode(Status.UNAUTHORIZED.getStatusCode());
        }
        RestAssured.given().auth().preemptive().basic("intruder", "guess")
                .when().get("/api/v1/sites")
                .then()
                .statusCode(Status.TOO_MANY_REQUESTS.getStatusCode())
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        as("viewer").when().get("/api/v1/sites").then().statusCode(Status.OK.getStatusCode());
    }

}
