package org.camaudit.inventory.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.inventory.Fixtures.as;
import static org.camaudit.inventory.Fixtures.batch;
import static org.camaudit.inventory.Fixtures.obs;
import static org.camaudit.inventory.Fixtures.post;
import static org.camaudit.inventory.Fixtures.uniqueSite;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.camaudit.testsupport.PostgresTestResource;

/** Each observation's identification is kept with its sighting, and the latest one with the device. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class IdentificationTest {

    private static Map<String, Object> identified(String ip, String status, String... reasons) {
        Map<String, Object> o = obs(ip);
        o.put("identification", Map.of("status", status, "reasons", List.of(reasons)));
        return o;
    }

    @Test
    void shouldShowTheLatestIdentificationOnTheDeviceAndEachOnItsSighting() {
        String site = uniqueSite("ident");
        long id = post(batch(site, List.of(identified("10.71.0.1", "partial", "login rejected"))))
                .statusCode(Status.OK.getStatusCode())
                .extract().jsonPath().getLong("devices[0].deviceId");
        as("viewer").when().get("/api/v1/devices/{id}", id)
                .then()
                .body("identification.status", equalTo("partial"))
                .body("identification.reasons", contains("login rejected"));

        post(batch(site, List.of(identified("10.71.0.1", "complete"))))
                .body("devices[0].result", equalTo("updated"));

        as("viewer").when().get("/api/v1/devices/{id}", id)
                .then()
                .body("identification.status", equalTo("complete"))
                .body("identification.reasons", org.hamcrest.Matchers.empty());
        as("viewer").when().get("/api/v1/devices/{id}/sightings", id)
                .then()
                .body("items.identification.status", contains("complete", "partial"))
                .body("items[1].identification.reasons", contains("login rejected"));
    }

    @Test
    void shouldKeepTheStoredIdentificationWhenAnObservationSaysNothing() {
        String site = uniqueSite("ident-keep");
        long id = post(batch(site, List.of(identified("10.72.0.1", "unidentified", "no reply to identification"))))
                .extract().jsonPath().getLong("devices[0].deviceId");
        post(batch(site, List.of(obs("10.72.0.1")))).body("devices[0].result", equalTo("unchanged"));
        as("viewer").when().get("/api/v1/devices/{id}", id)
                .then()
                .body("identification.status", equalTo("unidentified"));
        as("viewer").when().get("/api/v1/devices/{id}/sightings", id)
                .then()
                .body("items[0].identification", nullValue());
    }

    @Test
    void shouldFilterTheListByIdentificationAndShowItInCsv() {
        String site = uniqueSite("ident-filter");
        post(batch(site, List.of(identified("10.73.0.1", "partial", "ONVIF requires login", "no credentials for this address"),
                identified("10.73.0.2", "complete"), identified("10.73.0.3", "partial", "login rejected"),
                obs("10.73.0.4")))).statusCode(Status.OK.getStatusCode());

        as("viewer").queryParam("site", site).queryParam("identification", "partial").queryParam("sort", "ip")
                .when().get("/api/v1/devices")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("total", equalTo(2))
                .body("items.ip", contains("10.73.0.1", "10.73.0.3"));
        as("viewer").queryParam("site", site).queryParam("identification", "complete").when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(1));
        as("viewer").queryParam("identification", "half").when().get("/api/v1/devices")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItem("identification"));

        String csv = as("viewer").accept("text/csv").queryParam("site", site).queryParam("sort", "ip")
                .when().get("/api/v1/devices")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .extract().asString();
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(lines.get(0)).contains(",identification,identificationReasons,");
        assertThat(lines.get(1)).contains(",partial,ONVIF requires login | no credentials for this address,");
        assertThat(lines.get(2)).contains(",complete,,");
    }

    @Test
    void shouldRejectUnknownStatusesAndUnboundedReasonsAndStoreNothing() {
        String site = uniqueSite("ident-bad");
        Map<String, Object> noStatus = obs("10.74.0.4");
        noStatus.put("identification", Map.of("reasons", List.of("login rejected")));
        post(batch(site, List.of(identified("10.74.0.1", "mostly"),
                identified("10.74.0.2", "partial", Collections.nCopies(17, "login rejected").toArray(String[]::new)),
                identified("10.74.0.3", "partial", "r".repeat(256)), noStatus)))
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItem("observations[0].identification.status"))
                .body("errors.field", hasItem("observations[1].identification.reasons"))
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("observations[2].identification.reasons")))
                .body("errors.field", hasItem("observations[3].identification.status"));
        as("viewer").queryParam("site", site).when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(0));
    }
}
