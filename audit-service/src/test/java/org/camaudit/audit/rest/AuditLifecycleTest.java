package org.camaudit.audit.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.rest.ApiTestSupport.as;
import static org.camaudit.audit.rest.ApiTestSupport.findings;
import static org.camaudit.audit.rest.ApiTestSupport.inventoryHolds;
import static org.camaudit.audit.rest.ApiTestSupport.inventoryMode;
import static org.camaudit.audit.rest.ApiTestSupport.runAudit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import org.camaudit.audit.PolicyJson;
import org.camaudit.audit.TestPolicies;
import org.camaudit.audit.client.Device;
import org.camaudit.audit.entity.Audit;
import org.camaudit.audit.entity.Finding;

import io.quarkus.narayana.jta.QuarkusTransaction;

@QuarkusTest
class AuditLifecycleTest {

    private static final String SITE = "lifecycle";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void resetInventory() {
        circuitBreakers.resetAll();
        inventoryMode("ok");
    }

    private static List<Device> fleet() {
        return List.of(
                device().id("lc-hik").site(SITE).ip("10.9.0.1").manufacturer("Hikvision").reportedManufacturer("HIKVISION")
                        .model("DS-2CD2142FWD-I").firmware("V5.5.0 build 170725").hardwareId("88").build(),
                device().id("lc-trendnet").site(SITE).ip("10.9.0.2").manufacturer("TRENDnet").reportedManufacturer("TRENDnet")
                        .model("TV-IP320PI").firmware("V5.3.4 build 160830").serial("TV-IP320PI20161206AAWR863642784")
                        .hardwareId("88").build(),
                device().id("lc-dahua-oui").site(SITE).ip("10.9.0.3").mac("4c:11:bf:c2:0b:9d").build(),
                device().id("lc-axis").site(SITE).ip("10.9.0.4").mac("00:40:8c:fa:b7:54").manufacturer("Axis")
                        .reportedManufacturer("AXIS").model("AXIS Q6045-E").firmware("5.55.1.2").build(),
                device().id("lc-bosch").site(SITE).ip("10.9.0.5").mac("00:04:63:12:34:56").manufacturer("Bosch")
                        .reportedManufacturer("Bosch").model("FLEXIDOME indoor 5100i IR").firmware("8.71.0066").build());
    }

    private static Map<String, Object> findingOf(JsonPath findings, String deviceId) {
        return findings.getMap("items.find { it.deviceId == '" + deviceId + "' }");
    }

    @Test
    void shouldFlagOnlyRestrictedDevicesAndExplainEachFlag() {
        inventoryHolds(fleet());

        JsonPath audit = runAudit();

        assertThat(audit.getInt("devicesEvaluated")).isEqualTo(5);
        assertThat(audit.getInt("flagged")).isEqualTo(3);
        assertThat(audit.getMap("byVendor")).containsExactlyInAnyOrderEntriesOf(Map.of("Hikvision", 2, "Dahua", 1));
        assertThat(audit.getInt("policyVersion")).isPositive();
        assertThat(audit.getLong("durationMs")).isNotNegative();

        JsonPath findings = findings(SITE);
        assertThat(findings.getList("items.deviceId")).containsExactlyInAnyOrder("lc-hik", "lc-trendnet", "lc-dahua-oui");
        assertThat(findingOf(findings, "lc-hik")).containsEntry("confidence", "confirmed").containsEntry("category", "dome")
                .containsEntry("status", "open");
        assertThat(findingOf(findings, "lc-trendnet")).containsEntry("vendor", "Hikvision").containsEntry("confidence", "likely");
        assertThat(findingOf(findings, "lc-dahua-oui")).containsEntry("vendor", "Dahua").containsEntry("confidence", "possible");
        assertThat(findings.getList("items.find { it.deviceId == 'lc-trendnet' }.matchedBy.evidence", String.class))
                .contains("firmwareVersion = V5.3.4 build 160830", "hardwareId = 88");
        assertThat(findings.getList("items.find { it.deviceId == 'lc-hik' }.basis.effective", String.class))
                .contains("2019-08-13", "2020-08-13", "2021-03-12", "2023-02-06", "2019-10-09");
    }

    @Test
    void shouldKeepDecisionsAndIdentityAcrossAudits() {
        inventoryHolds(fleet());
        runAudit();
        Map<String, Object> before = findingOf(findings(SITE), "lc-trendnet");
        int id = (Integer) before.get("id");

        as("auditor").contentType(ContentType.JSON)
                .body("{\"status\":\"risk-accepted\",\"note\":\"Isolated VLAN, replacement in 2027\"}")
                .when().patch("/api/v1/findings/" + id)
                .then().statusCode(Status.OK.getStatusCode())
                .body("status", equalTo("risk-accepted"))
                .body("decidedBy", equalTo("auditor"));
        runAudit();

        Map<String, Object> after = findingOf(findings(SITE), "lc-trendnet");
        assertThat(after).containsEntry("id", id).containsEntry("status", "risk-accepted")
                .containsEntry("note", "Isolated VLAN, replacement in 2027").containsEntry("decidedBy", "auditor");
        assertThat(after.get("decidedAt")).isNotNull();
        as("viewer").when().get("/api/v1/findings/" + id + "/history")
                .then().statusCode(Status.OK.getStatusCode())
                .body("[0].actor", equalTo("auditor"))
                .body("[0].fromStatus", equalTo("open"))
                .body("[0].toStatus", equalTo("risk-accepted"));
    }

    @Test
    void shouldMarkTheFindingOfARetiredDeviceReplaced() {
        inventoryHolds(fleet());
        runAudit();
        List<Device> retired = fleet().stream()
                .map(d -> "lc-hik".equals(d.id()) ? device().id("lc-hik").site(SITE).ip("10.9.0.1").manufacturer("Hikvision")
                        .reportedManufacturer("HIKVISION").model("DS-2CD2142FWD-I").status("retired").build() : d)
                .toList();
        inventoryHolds(retired);

        JsonPath audit = runAudit();

        Map<String, Object> finding = findingOf(findings(SITE), "lc-hik");
        assertThat(finding).containsEntry("status", "replaced");
        assertThat(audit.getMap("byVendor")).containsEntry("Hikvision", 1);
        as("viewer").when().get("/api/v1/findings/" + finding.get("id") + "/history")
                .then().statusCode(Status.OK.getStatusCode())
                .body("[-1].actor", equalTo("audit"))
                .body("[-1].toStatus", equalTo("replaced"))
                .body("[-1].reason", equalTo("device retired in inventory"));
    }

    @Test
    void shouldCloseFindingsNoLongerRestrictedUnderANewPolicyAndReopenThemWhenRestrictedAgain() {
        inventoryHolds(fleet());
        runAudit();
        String narrowed = PolicyJson.edit(TestPolicies.defaultPolicyJson(), "Dahua", vendor -> vendor.putArray("ouis"));
        try {
            int version = as("admin").contentType(ContentType.JSON).body(narrowed)
                    .when().put("/api/v1/policy")
                    .then().statusCode(Status.OK.getStatusCode())
                    .extract().path("version");

            JsonPath audit = runAudit();

            assertThat(audit.getInt("policyVersion")).isEqualTo(version);
            Map<String, Object> closed = findingOf(findings(SITE), "lc-dahua-oui");
            assertThat(closed).containsEntry("status", "closed")
                    .containsEntry("closedReason", "no longer matches policy version " + version + " at its site");
        } finally {
            as("admin").contentType(ContentType.JSON).body(TestPolicies.defaultPolicyJson())
                    .when().put("/api/v1/policy")
                    .then().statusCode(Status.OK.getStatusCode());
        }
        runAudit();
        assertThat(findingOf(findings(SITE), "lc-dahua-oui")).containsEntry("status", "open");
    }

    @ParameterizedTest
    @CsvSource({
            "cut-after-2, 'ended after 2 devices without its total line'",
            "wrong-total, 'total line says 6 devices after 5'",
            "fail, 'could not be opened'" })
    void shouldAnswer503AndStoreNothingWhenTheInventoryStreamFailsOrEndsEarly(String mode, String why) {
        inventoryHolds(fleet());
        long audits = count(Audit.class);
        long findings = count(Finding.class);
        inventoryMode(mode);

        as("auditor")
                .when().post("/api/v1/audits")
                .then().statusCode(Status.SERVICE_UNAVAILABLE.getStatusCode())
                .contentType("application/problem+json")
                .body("title", equalTo("Inventory unavailable"))
                .body("detail", containsString(why))
                .body("detail", containsString("nothing was stored"));

        assertThat(count(Audit.class)).isEqualTo(audits);
        assertThat(count(Finding.class)).isEqualTo(findings);
    }

    @Test
    void shouldAnswer503WhenInventoryDropsConnections() {
        inventoryHolds(fleet());
        long audits = count(Audit.class);
        inventoryMode("drop");

        as("auditor")
                .when().post("/api/v1/audits")
                .then().statusCode(Status.SERVICE_UNAVAILABLE.getStatusCode())
                .contentType("application/problem+json")
                .body("detail", containsString("could not be opened"));

        assertThat(count(Audit.class)).isEqualTo(audits);
    }

    @Test
    void shouldListAndShowAudits() {
        inventoryHolds(fleet());
        long id = runAudit().getLong("auditId");

        as("viewer").when().get("/api/v1/audits/" + id)
                .then().statusCode(Status.OK.getStatusCode())
                .body("auditId", equalTo((int) id))
                .body("startedBy", equalTo("auditor"))
                .body("devicesEvaluated", equalTo(5));
        as("viewer").when().get("/api/v1/audits")
                .then().statusCode(Status.OK.getStatusCode())
                .body("items[0].auditId", equalTo((int) id));
        as("viewer").when().get("/api/v1/audits/987654")
                .then().statusCode(Status.NOT_FOUND.getStatusCode())
                .contentType("application/problem+json");
    }

    private static long count(Class<? extends io.quarkus.hibernate.orm.panache.PanacheEntityBase> type) {
        return QuarkusTransaction.requiringNew().call(() -> type == Audit.class ? Audit.count() : Finding.count());
    }
}
