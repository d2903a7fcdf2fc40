package org.camaudit.audit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.rest.ApiTestSupport.as;
import static org.camaudit.audit.rest.ApiTestSupport.findings;
import static org.camaudit.audit.rest.ApiTestSupport.inventoryHolds;
import static org.camaudit.audit.rest.ApiTestSupport.runAudit;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

@QuarkusTest
class FindingResourceTest {

    private static final String SITE = "findings";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void audit() {
        circuitBreakers.resetAll();
        inventoryHolds(List.of(
                device().id("fr-hik").site(SITE).ip("10.8.0.1").reportedManufacturer("HIKVISION").model("DS-2DE4425IW-DE")
                        .location("=HYPERLINK(\"http://x\"), roof").build(),
                device().id("fr-dahua").site(SITE).ip("10.8.0.2").model("IPC-HFW2431S-S-S2").build(),
                device().id("fr-huawei").site(SITE).ip("10.8.0.3").mac("00:e0:fc:12:34:56").build(),
                device().id("fr-other-site").site("findings-annex").ip("10.8.1.1").discoveredBy("sadp").build()));
        runAudit();
    }

    @Test
    void shouldFilterBySiteVendorConfidenceAndStatus() {
        assertThat(findings(SITE).getList("items.deviceId")).containsExactlyInAnyOrder("fr-hik", "fr-dahua", "fr-huawei");
        as("viewer").queryParam("site", SITE).queryParam("vendor", "dahua")
                .when().get("/api/v1/findings")
                .then().statusCode(Status.OK.getStatusCode())
                .body("items.deviceId", equalTo(List.of("fr-dahua")))
                .body("total", equalTo(1));
        as("viewer").queryParam("site", SITE).queryParam("confidence", "possible")
                .when().get("/api/v1/findings")
                .then().body("items.deviceId", equalTo(List.of("fr-huawei")));
        as("viewer").queryParam("site", "findings-annex").queryParam("status", "open")
                .when().get("/api/v1/findings")
                .then().body("items.deviceId", equalTo(List.of("fr-other-site")))
                .body("items.confidence", everyItem(equalTo("confirmed")));
    }

    @Test
    void shouldShowEveryDecisionFieldAsNullWhileUndecided() {
        var finding = findings(SITE).getMap("items[0]");
        assertThat(finding).containsKeys("note", "decidedBy", "decidedAt", "model", "reportedManufacturer");
        assertThat(finding.get("decidedBy")).isNull();
        assertThat(finding).doesNotContainKey("closedReason");
    }

    @Test
    void shouldSortByAFieldInEitherDirection() {
        as("viewer").queryParam("site", SITE).queryParam("sort", "ip")
                .when().get("/api/v1/findings")
                .then().statusCode(Status.OK.getStatusCode())
                .body("items.ip", equalTo(List.of("10.8.0.1", "10.8.0.2", "10.8.0.3")));
        as("viewer").queryParam("site", SITE).queryParam("sort", "-ip")
                .when().get("/api/v1/findings")
                .then().body("items.ip", equalTo(List.of("10.8.0.3", "10.8.0.2", "10.8.0.1")));
        as("viewer").queryParam("site", SITE).queryParam("sort", "ip,desc")
                .when().get("/api/v1/findings")
                .then().body("items.ip", equalTo(List.of("10.8.0.3", "10.8.0.2", "10.8.0.1")));
        as("viewer").queryParam("sort", "password")
                .when().get("/api/v1/findings")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("sort"));
    }

    @Test
    void shouldPageResults() {
        as("viewer").queryParam("site", SITE).queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/v1/findings")
                .then().statusCode(Status.OK.getStatusCode())
                .body("items", hasSize(1))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("total", equalTo(3));
    }

    @Test
    void shouldRejectUnknownFilterValuesAndBadPaging() {
        as("viewer").queryParam("confidence", "sure").when().get("/api/v1/findings")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("confidence"));
        as("viewer").queryParam("status", "done").when().get("/api/v1/findings")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("status"));
        as("viewer").queryParam("size", 5000).when().get("/api/v1/findings")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void shouldServeTheSameRowsAsCsvWithFormulasDefused() {
        String csv = as("viewer").accept("text/csv").queryParam("site", SITE)
                .when().get("/api/v1/findings")
                .then().statusCode(Status.OK.getStatusCode())
                .contentType("text/csv")
                .extract().asString();

        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("id,deviceId,site,ip,location,model,reportedManufacturer,vendor,category,confidence,status");
        assertThat(lines).hasSize(4);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\"), roof\"").contains(",Hikvision,ptz,confirmed,open,");
        assertThat(csv).contains(": reportedManufacturer = HIKVISION");
    }

    @Test
    void shouldRecordDecisionsWithWhoAndWhen() {
        long id = findings(SITE).getLong("items.find { it.deviceId == 'fr-dahua' }.id");

        as("auditor").contentType("application/merge-patch+json").body("{\"status\":\"replacement-planned\",\"note\":\"PO 4471\"}")
                .when().patch("/api/v1/findings/" + id)
                .then().statusCode(Status.OK.getStatusCode())
                .body("status", equalTo("replacement-planned"))
                .body("note", equalTo("PO 4471"))
                .body("decidedBy", equalTo("auditor"));
        as("admin").contentType(ContentType.JSON).body("{\"note\":\"confirmed with facilities\"}")
                .when().patch("/api/v1/findings/" + id)
                .then().statusCode(Status.OK.getStatusCode())
                .body("status", equalTo("replacement-planned"))
                .body("decidedBy", equalTo("admin"));

        as("viewer").when().get("/api/v1/findings/" + id + "/history")
                .then().statusCode(Status.OK.getStatusCode())
                .body("actor", equalTo(List.of("auditor", "admin")))
                .body("toStatus", equalTo(List.of("replacement-planned", "replacement-planned")));
    }

    @Test
    void shouldRejectBadDecisions() {
        long id = findings(SITE).getLong("items.find { it.deviceId == 'fr-huawei' }.id");

        as("auditor").contentType(ContentType.JSON).body("{\"status\":\"closed\"}")
                .when().patch("/api/v1/findings/" + id)
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("status"));
        as("auditor").contentType(ContentType.JSON).body("{\"status\":\"open\",\"decidedBy\":\"someone else\"}")
                .when().patch("/api/v1/findings/" + id)
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("decidedBy"));
        as("auditor").contentType(ContentType.JSON).body("{}")
                .when().patch("/api/v1/findings/" + id)
                .then().statusCode(Status.BAD_REQUEST.getStatusCode());
        as("auditor").contentType(ContentType.JSON).body("{\"note\":\"" + "x".repeat(2001) + "\"}")
                .when().patch("/api/v1/findings/" + id)
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("note"));
        as("auditor").contentType(ContentType.JSON).body("{\"status\":\"open\"}")
                .when().patch("/api/v1/findings/99999999")
                .then().statusCode(Status.NOT_FOUND.getStatusCode())
                .contentType("application/problem+json");
        as("viewer").when().get("/api/v1/findings/99999999/history")
                .then().statusCode(Status.NOT_FOUND.getStatusCode());
    }
}
