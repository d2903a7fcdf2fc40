package org.camaudit.audit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.rest.ApiTestSupport.as;
import static org.camaudit.audit.rest.ApiTestSupport.findings;
import static org.camaudit.audit.rest.ApiTestSupport.inventoryHolds;
import static org.camaudit.audit.rest.ApiTestSupport.inventoryMode;
import static org.camaudit.audit.rest.ApiTestSupport.runAudit;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

@QuarkusTest
class JurisdictionResourceTest {

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void resetInventory() {
        circuitBreakers.resetAll();
        inventoryMode("ok");
    }

    @Test
    void shouldListEveryJurisdictionWithItsBasesSourcesAndVendors() {
        as("viewer").when().get("/api/v1/jurisdictions")
                .then().statusCode(Status.OK.getStatusCode())
                .body("id", hasItems("us-federal", "us-dod", "us-state:TX", "uk", "ca"))
                .body("find { it.id == 'us-dod' }.bases[0].deadline", equalTo("2027-06-30"))
                .body("find { it.id == 'us-dod' }.bases[0].vendors", hasItems("Hikvision", "Dahua", "Huawei"))
                .body("find { it.id == 'us-state:TX' }.bases[0].vendors", hasItems("Uniview"))
                .body("find { it.id == 'us-federal' }.bases.find { it.id == 'fcc-22-84' }.source",
                        equalTo("https://www.govinfo.gov/content/pkg/FR-2023-02-06/html/2022-28263.htm (88 FR 7592, FR Doc 2022-28263)"));
    }

    @Test
    void shouldAnswerTheDefaultForASiteNobodyConfigured() {
        as("viewer").when().get("/api/v1/sites/never-configured/jurisdictions")
                .then().statusCode(Status.OK.getStatusCode())
                .body("jurisdictions", contains("us-federal"))
                .body("configured", equalTo(false));
    }

    @Test
    void shouldRejectAnUnknownJurisdictionNamingItAndLetOnlyAuditorsSetThem() {
        as("auditor").contentType(ContentType.JSON).body("{\"jurisdictions\":[\"us-federal\",\"mars\"]}")
                .when().put("/api/v1/sites/jr-bad/jurisdictions")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("jurisdictions[1]"));
        as("auditor").contentType(ContentType.JSON).body("{\"jurisdictions\":[]}")
                .when().put("/api/v1/sites/jr-bad/jurisdictions")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors[0].field", equalTo("jurisdictions"));
        as("viewer").contentType(ContentType.JSON).body("{\"jurisdictions\":[\"us-federal\"]}")
                .when().put("/api/v1/sites/jr-bad/jurisdictions")
                .then().statusCode(Status.FORBIDDEN.getStatusCode());
        as("viewer").when().get("/api/v1/sites/jr-bad/jurisdictions").then().body("configured", equalTo(false));
    }

    @Test
    void shouldFlagAVendorRestrictedOnlyInTexasAtTheTexasSiteOnlyAndCiteOnlyTheTexasBasis() {
        as("auditor").contentType(ContentType.JSON).body("{\"jurisdictions\":[\"us-federal\",\"us-state:TX\"]}")
                .when().put("/api/v1/sites/jr-austin/jurisdictions")
                .then().statusCode(Status.OK.getStatusCode())
                .body("configured", equalTo(true));
        inventoryHolds(List.of(
                device().id("jr-unv-federal").site("jr-federal").ip("10.8.0.1").manufacturer("Uniview")
                        .reportedManufacturer("Uniview").model("IPC2124LB-SF40KM-G").build(),
                device().id("jr-unv-texas").site("jr-austin").ip("10.8.1.1").manufacturer("Uniview")
                        .reportedManufacturer("Uniview").model("IPC2124LB-SF40KM-G").build(),
                device().id("jr-hik-texas").site("jr-austin").ip("10.8.1.2").manufacturer("Hikvision").build()));

        runAudit();

        assertThat(findings("jr-federal").getList("items")).isEmpty();
        JsonPath texas = findings("jr-austin");
        assertThat(texas.getList("items.find { it.deviceId == 'jr-unv-texas' }.basis.id", String.class))
                .containsExactly("tx-prohibited-technologies-2026-01-26");
        assertThat(texas.getList("items.find { it.deviceId == 'jr-hik-texas' }.basis.jurisdiction", String.class))
                .contains("us-federal", "us-state:TX").doesNotContain("us-dod", "uk", "ca");
    }
}
