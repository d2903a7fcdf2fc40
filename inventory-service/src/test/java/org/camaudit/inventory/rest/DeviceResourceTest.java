package org.camaudit.inventory.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.inventory.Fixtures.as;
import static org.camaudit.inventory.Fixtures.batch;
import static org.camaudit.inventory.Fixtures.cameras;
import static org.camaudit.inventory.Fixtures.obs;
import static org.camaudit.inventory.Fixtures.post;
import static org.camaudit.inventory.Fixtures.uniqueSite;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.camaudit.testsupport.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class DeviceResourceTest {

    private String site;
    private long hikvisionId;
    private List<Map<String, Object>> fleet;

    @BeforeEach
    void recordFleet() {
        site = uniqueSite("devices");
        fleet = new ArrayList<>(cameras(21, 7));
        String unique = java.util.UUID.randomUUID().toString();
        String mac = "00:40:8c:" + unique.substring(0, 2) + ":" + unique.substring(2, 4) + ":" + unique.substring(4, 6);
        Map<String, Object> axis = obs("10.21.9.1", mac, "Axis", "AXIS M3045-V", "ACCC8E" + unique.substring(0, 8));
        axis.put("reportedManufacturer", "=HYPERLINK(\"http://x\")");
        fleet.add(axis);
        fleet.add(obs("10.21.9.2"));
        hikvisionId = post(batch(site, fleet)).statusCode(Status.OK.getStatusCode())
                .extract().jsonPath().getLong("devices[0].deviceId");
    }

    @Test
    void shouldFilterBySiteManufacturerAndText() {
        as("viewer").queryParam("site", site).when().get("/api/v1/devices")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("total", equalTo(9))
                .body("page", equalTo(0))
                .body("size", equalTo(50))
                .body("items", hasSize(9));
        as("viewer").queryParam("site", site).queryParam("manufacturer", "axis").when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(1))
                .body("items[0].model", equalTo("AXIS M3045-V"));
        as("viewer").queryParam("site", site).queryParam("q", "m3045").when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(1));
        as("viewer").queryParam("site", site).queryParam("q", "10.21.9.").when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(2));
        as("viewer").queryParam("site", site).queryParam("q", "%").when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(0));
        as("viewer").queryParam("site", site).queryParam("status", "retired").when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void shouldPageAndSort() {
        List<String> all = as("viewer").queryParam("site", site).queryParam("sort", "-ip").when().get("/api/v1/devices")
                .then().extract().jsonPath().getList("items.ip");
        assertThat(all).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        List<String> pages = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            pages.addAll(as("viewer").queryParam("site", site).queryParam("sort", "ip,desc")
                    .queryParam("page", page).queryParam("size", 4).when().get("/api/v1/devices")
                    .then()
                    .body("total", equalTo(9))
                    .body("size", equalTo(4))
                    .body("page", equalTo(page))
                    .extract().jsonPath().<String>getList("items.ip"));
        }
        assertThat(pages).isEqualTo(all);
    }

    @Test
    void shouldRejectBadListParameters() {
        as("viewer").queryParam("size", 1001).when().get("/api/v1/devices")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
        as("viewer").queryParam("page", -1).when().get("/api/v1/devices")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode()).body("errors[0].field", equalTo("page"));
        as("viewer").queryParam("sort", "password").when().get("/api/v1/devices")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode()).body("errors[0].field", equalTo("sort"));
        as("viewer").queryParam("status", "lost").when().get("/api/v1/devices")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode()).body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldAnswerCsvWithHeaderAndTheSameRows() {
        String csv = as("viewer").accept("text/csv").queryParam("site", site).queryParam("sort", "ip")
                .when().get("/api/v1/devices")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .contentType("text/csv")
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(10);
        assertThat(lines[0]).isEqualTo("id,site,ip,mac,manufacturer,reportedManufacturer,model,firmwareVersion,"
                + "serialNumber,hardwareId,discoveredBy,identification,identificationReasons,status,location,owner,notes,"
                + "firstSeen,lastSeen,lastScanId");
        assertThat(lines[1]).startsWith(hikvisionId + "," + site + ",10.21.0.1,");
        String axisLine = java.util.Arrays.stream(lines).filter(l -> l.contains("AXIS M3045-V")).findFirst().orElseThrow();
        assertThat(axisLine).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
        for (String line : lines) {
            assertThat(line.split(",", -1).length).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void shouldPatchEditableFieldsAsMergePatch() {
        as("facilities").contentType("application/merge-patch+json")
                .body("{\"location\":\"Dock 4\",\"owner\":\"Facilities east\",\"notes\":\"behind glass\",\"status\":\"retired\"}")
                .when().patch("/api/v1/devices/{id}", hikvisionId)
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("location", equalTo("Dock 4"))
                .body("status", equalTo("retired"))
                .body("model", equalTo("DS-2CD2142FWD-I"));

        as("facilities").contentType(ContentType.JSON).body("{\"notes\":null}")
                .when().patch("/api/v1/devices/{id}", hikvisionId)
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("notes", nullValue())
                .body("location", equalTo("Dock 4"));

        as("viewer").queryParam("site", site).queryParam("q", "dock 4").when().get("/api/v1/devices")
                .then().body("total", equalTo(1));

        // a later scan of the same camera keeps what people recorded and reports it unchanged
        post(batch(site, fleet.subList(0, 1)))
                .body("devices[0].deviceId", equalTo((int) hikvisionId))
                .body("devices[0].result", equalTo("unchanged"));
        as("viewer").when().get("/api/v1/devices/{id}", hikvisionId)
                .then()
                .body("location", equalTo("Dock 4"))
                .body("owner", equalTo("Facilities east"))
                .body("status", equalTo("retired"));
    }

    @Test
    void shouldRejectPatchOfOtherFieldsAndChangeNothing() {
        as("facilities").contentType("application/merge-patch+json")
                .body("{\"location\":\"Roof\",\"serialNumber\":\"X\",\"status\":\"gone\"}")
                .when().patch("/api/v1/devices/{id}", hikvisionId)
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors.field", hasItem("serialNumber"))
                .body("errors.field", hasItem("status"));
        as("facilities").contentType("application/merge-patch+json").body("[1]")
                .when().patch("/api/v1/devices/{id}", hikvisionId)
                .then().statusCode(Status.BAD_REQUEST.getStatusCode());
        as("facilities").contentType("application/merge-patch+json").body("{\"notes\":")
                .when().patch("/api/v1/devices/{id}", hikvisionId)
                .then().statusCode(Status.BAD_REQUEST.getStatusCode()).contentType("application/problem+json");

        as("viewer").when().get("/api/v1/devices/{id}", hikvisionId)
                .then().body("location", nullValue()).body("serialNumber", org.hamcrest.Matchers.startsWith("SN-"));
    }

    @Test
    void shouldAnswerNotFoundAsProblem() {
        as("viewer").when().get("/api/v1/devices/{id}", Long.MAX_VALUE)
                .then()
                .statusCode(Status.NOT_FOUND.getStatusCode())
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        as("facilities").contentType(ContentType.JSON).body("{\"notes\":\"x\"}")
                .when().patch("/api/v1/devices/{id}", Long.MAX_VALUE)
                .then().statusCode(Status.NOT_FOUND.getStatusCode());
        as("viewer").when().get("/api/v1/devices/{id}/sightings", Long.MAX_VALUE)
                .then().statusCode(Status.NOT_FOUND.getStatusCode());
        as("viewer").when().get("/api/v1/scans/{id}", "no-such-scan")
                .then().statusCode(Status.NOT_FOUND.getStatusCode()).contentType("application/problem+json");
    }

    @Test
    void shouldListScansAndSites() {
        String scanId = java.util.UUID.randomUUID().toString();
        post(batch(scanId, site, fleet.subList(0, 3))).statusCode(Status.OK.getStatusCode());

        as("viewer").queryParam("site", site).when().get("/api/v1/scans")
                .then()
                .body("total", equalTo(2))
                .body("items[0].scanId", equalTo(scanId))
                .body("items[0].received", equalTo(3))
                .body("items[0].unchanged", equalTo(3))
                .body("items[0].scannerHost", equalTo("jump-1"));
        as("viewer").when().get("/api/v1/scans/{id}", scanId)
                .then()
                .body("site", equalTo(site))
                .body("targets", equalTo(List.of("10.1.0.0/24")));
        as("viewer").when().get("/api/v1/sites")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("find { it.name == '" + site + "' }.devices", equalTo(9))
                .body("find { it.name == '" + site + "' }.missing", equalTo(0))
                .body("find { it.name == '" + site + "' }.lastScanId", equalTo(scanId));
    }
}
