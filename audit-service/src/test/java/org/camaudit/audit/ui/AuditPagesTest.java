package org.camaudit.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.rest.ApiTestSupport.as;
import static org.camaudit.audit.rest.ApiTestSupport.findings;
import static org.camaudit.audit.rest.ApiTestSupport.inventoryHolds;
import static org.camaudit.audit.rest.ApiTestSupport.runAudit;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import org.camaudit.testsupport.ConsoleSession;

@QuarkusTest
class AuditPagesTest {

    private static final String SITE = "console";

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    private long hikvisionFinding;

    @BeforeEach
    void audit() {
        circuitBreakers.resetAll();
        inventoryHolds(List.of(
                device().id("ui-hik").site(SITE).ip("10.9.0.1").reportedManufacturer("HIKVISION").model("DS-2CD2142FWD-I")
                        .build(),
                device().id("ui-dahua").site(SITE).ip("10.9.0.2").model("IPC-HFW2431S-S-S2").build(),
                device().id("ui-axis").site(SITE).ip("10.9.0.3").reportedManufacturer("AXIS").model("M3045-V").build()));
        runAudit();
        hikvisionFinding = findings(SITE).getLong("items.find { it.deviceId == 'ui-hik' }.id");
    }

    @Test
    void shouldShowTheFlaggedCountsTheApiReportsAsTextAndCharts() {
        long flagged = 0;
        for (String status : List.of("open", "replacement-planned", "replaced", "risk-accepted")) {
            flagged += as("viewer").queryParam("status", status).when().get("/api/v1/findings")
                    .then().extract().jsonPath().getLong("total");
        }
        String html = ConsoleSession.signIn("viewer").page("/ui/dashboard");
        assertThat(html).contains("<strong id=\"flagged-total\">" + flagged + "</strong>")
                .contains("<svg role=\"img\" aria-label=\"Flagged devices by vendor:")
                .contains("Hikvision", "Dahua", ">" + SITE + "<");
    }

    @Test
    void shouldShowTheReplaceByTimelineOfThePlan() {
        io.restassured.path.json.JsonPath plan = as("viewer").when().get("/api/v1/replacement-plan").then().extract()
                .jsonPath();
        List<String> deadlines = plan.getList("sites.items.flatten().replaceBy", String.class);
        String html = ConsoleSession.signIn("viewer").page("/ui/dashboard");
        assertThat(html).contains("Replacement deadlines", "aria-label=\"Devices to replace by deadline (replaceBy):");
        for (String deadline : deadlines) {
            long count = deadlines.stream().filter(d -> java.util.Objects.equals(d, deadline)).count();
            assertThat(html).contains("<tr><td>" + (deadline == null ? "no deadline" : deadline) + "</td><td class=\"num\">"
                    + count + "</td>");
        }
        assertThat(deadlines).isNotEmpty();
    }

    @Test
    void shouldListFindingsWithFiltersAndShowOneWithEvidenceAndLegalBasis() {
        ConsoleSession viewer = ConsoleSession.signIn("viewer");
        String list = viewer.request().queryParam("site", SITE).queryParam("vendor", "dahua")
                .when().get("/ui/findings").then().statusCode(Status.OK.getStatusCode()).extract().asString();
        assertThat(list).contains("<span id=\"finding-total\">1</span>", "IPC-HFW2431S-S-S2").doesNotContain("10.9.0.1<");
        String one = viewer.page("/ui/findings/" + hikvisionFinding);
        assertThat(one).contains("HIKVISION", "84 FR 54002").contains("Legal basis").doesNotContain("id=\"d-status\"");
    }

    @Test
    void shouldRecordAnAuditorsDecisionWithItsNoteAndShowItInThePlanAndTheHistory() {
        ConsoleSession auditor = ConsoleSession.signIn("auditor");
        auditor.form()
                .formParam("csrf", auditor.csrf("/ui/findings/" + hikvisionFinding))
                .formParam("status", "replacement-planned")
                .formParam("note", "Budgeted for Q1")
                .when().post("/ui/findings/" + hikvisionFinding)
                .then()
                .statusCode(Status.SEE_OTHER.getStatusCode())
                .header("Location", endsWith("/ui/findings/" + hikvisionFinding + "?saved=1"));
        as("viewer").when().get("/api/v1/findings/" + hikvisionFinding)
                .then().body("status", equalTo("replacement-planned")).body("note", equalTo("Budgeted for Q1"))
                .body("decidedBy", equalTo("auditor"));
        assertThat(auditor.page("/ui/findings/" + hikvisionFinding)).contains("Budgeted for Q1", "replacement-planned");
        assertThat(auditor.page("/ui/plan?site=" + SITE)).contains("/ui/findings/" + hikvisionFinding);
    }

    @Test
    void shouldShowAValidationMessageBesideTheDecisionField() {
        ConsoleSession auditor = ConsoleSession.signIn("auditor");
        String before = as("viewer").when().get("/api/v1/findings/" + hikvisionFinding).then().extract().path("status");
        String html = auditor.form()
                .formParam("csrf", auditor.csrf("/ui/findings/" + hikvisionFinding))
                .formParam("status", "closed")
                .formParam("note", "n".repeat(2001))
                .when().post("/ui/findings/" + hikvisionFinding)
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .extract().asString();
        assertThat(html).contains("id=\"d-note-error\"");
        as("viewer").when().get("/api/v1/findings/" + hikvisionFinding).then().body("status", equalTo(before));
    }

    @Test
    void shouldRefuseADecisionFromAViewerAndAFormWithoutToken() {
        String before = as("viewer").when().get("/api/v1/findings/" + hikvisionFinding).then().extract().path("status");
        ConsoleSession viewer = ConsoleSession.signIn("viewer");
        viewer.form()
                .formParam("csrf", viewer.csrf("/ui/findings/" + hikvisionFinding))
                .formParam("status", "risk-accepted")
                .when().post("/ui/findings/" + hikvisionFinding)
                .then()
                .statusCode(Status.FORBIDDEN.getStatusCode());
        ConsoleSession.signIn("auditor").form()
                .formParam("status", "risk-accepted")
                .when().post("/ui/findings/" + hikvisionFinding)
                .then()
                .statusCode(Status.FORBIDDEN.getStatusCode());
        as("viewer").when().get("/api/v1/findings/" + hikvisionFinding).then().body("status", equalTo(before));
    }

    @Test
    void shouldShowThePlanWithTotalsAndDownloadItsCsv() {
        ConsoleSession viewer = ConsoleSession.signIn("viewer");
        long devices = as("viewer").queryParam("site", SITE).when().get("/api/v1/replacement-plan")
                .then().extract().jsonPath().getLong("totals.devices");
        assertThat(viewer.page("/ui/plan?site=" + SITE)).contains("<strong id=\"plan-devices\">" + devices + "</strong>");
        String csv = viewer.request().queryParam("site", SITE).when().get("/ui/plan.csv")
                .then().statusCode(Status.OK.getStatusCode()).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines()).hasSize((int) devices + 1);
    }

    @Test
    void shouldShowThePolicyWithItsSources() {
        assertThat(ConsoleSession.signIn("viewer").page("/ui/policy"))
                .contains("Hikvision", "Dahua", "Legal basis by jurisdiction", "OUI registry");
    }

    @Test
    void shouldLetOnlyAuditorsEditTheCostTableAndCheckTheFields() {
        assertThat(ConsoleSession.signIn("viewer").page("/ui/costs")).doesNotContain("<form class=\"edit\"");
        ConsoleSession auditor = ConsoleSession.signIn("auditor");
        String page = auditor.page("/ui/costs");
        assertThat(page).contains("<label for=\"c-labourPerDevice\">", "id=\"c-categories.dome.hardware\"");
        int before = as("viewer").when().get("/api/v1/cost-table").then().extract().jsonPath().getInt("version");
        String refused = auditor.form()
                .formParam("csrf", ConsoleSession.csrfOf(page))
                .formParam("currency", "usd")
                .formParam("labourPerDevice", "abc")
                .formParam("source", "test")
                .when().post("/ui/costs")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode()).extract().asString();
        assertThat(refused).contains("id=\"c-labourPerDevice-error\"", "value=\"abc\"");
        as("viewer").when().get("/api/v1/cost-table").then().body("version", equalTo(before));
    }

    @Test
    void shouldLetOnlyAuditorsSetASitesJurisdictionsWithTheApisChecks() {
        String site = "console-jurisdictions";
        ConsoleSession viewer = ConsoleSession.signIn("viewer");
        String viewed = viewer.page("/ui/jurisdictions");
        assertThat(viewed).contains(">" + SITE + "<", "us-state:TX", "Jurisdictions and their legal bases")
                .doesNotContain("<form class=\"edit\"");
        viewer.form()
                .formParam("csrf", ConsoleSession.csrfOf(viewed))
                .formParam("site", site)
                .formParam("jurisdictions", "us-state:TX")
                .when().post("/ui/jurisdictions")
                .then().statusCode(Status.FORBIDDEN.getStatusCode());
        ConsoleSession auditor = ConsoleSession.signIn("auditor");
        String page = auditor.page("/ui/jurisdictions");
        assertThat(page).contains("<legend>Jurisdictions of " + SITE + "</legend>", "<label for=\"j-new-site\">");
        String refused = auditor.form()
                .formParam("csrf", ConsoleSession.csrfOf(page))
                .formParam("site", site)
                .formParam("jurisdictions", "us-state:ZZ")
                .when().post("/ui/jurisdictions")
                .then().statusCode(Status.BAD_REQUEST.getStatusCode()).extract().asString();
        assertThat(refused).contains("id=\"jurisdictions-error\"", "is not a jurisdiction of the policy");
        as("viewer").when().get("/api/v1/sites/" + site + "/jurisdictions").then().body("configured", equalTo(false));
        auditor.form()
                .formParam("csrf", ConsoleSession.csrfOf(page))
                .formParam("site", site)
                .formParam("jurisdictions", "us-federal")
                .formParam("jurisdictions", "us-state:TX")
                .when().post("/ui/jurisdictions")
                .then().statusCode(Status.SEE_OTHER.getStatusCode());
        as("viewer").when().get("/api/v1/sites/" + site + "/jurisdictions").then()
                .body("configured", equalTo(true))
                .body("jurisdictions", org.hamcrest.Matchers.contains("us-federal", "us-state:TX"));
        assertThat(auditor.page("/ui/jurisdictions")).contains("<legend>Jurisdictions of " + site + "</legend>");
    }

    @Test
    void shouldRedirectTheRootToTheDashboard() {
        ConsoleSession.signIn("viewer").request().when().get("/ui/")
                .then().statusCode(Status.SEE_OTHER.getStatusCode()).header("Location", endsWith("/ui/dashboard"));
    }
}
