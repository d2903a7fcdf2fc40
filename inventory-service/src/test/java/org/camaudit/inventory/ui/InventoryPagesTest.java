package org.camaudit.inventory.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.inventory.Fixtures.as;
import static org.camaudit.inventory.Fixtures.batch;
import static org.camaudit.inventory.Fixtures.obs;
import static org.camaudit.inventory.Fixtures.post;
import static org.camaudit.inventory.Fixtures.uniqueSite;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.camaudit.testsupport.ConsoleSession;
import org.camaudit.testsupport.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class InventoryPagesTest {

    private String site;
    private String serial;
    private long deviceId;

    @BeforeEach
    void recordCameras() {
        site = uniqueSite("pages");
        String unique = UUID.randomUUID().toString().replace("-", "");
        serial = "DS2CD" + unique.substring(0, 12).toUpperCase();
        Map<String, Object> hikvision = obs("10.31.0.1", null, "Hikvision", "DS-2CD2142FWD-I", serial);
        hikvision.put("evidence", List.of(Map.of("source", "onvif.GetDeviceInformation", "field", "Manufacturer",
                "value", "HIKVISION")));
        Map<String, Object> axis = obs("10.31.0.2", null, "Axis", "AXIS M3045-V", "ACCC" + unique.substring(12, 20));
        axis.put("identification", Map.of("status", "partial", "reasons", List.of("login rejected")));
        deviceId = post(batch(site, List.of(hikvision, axis))).statusCode(Status.OK.getStatusCode())
                .extract().jsonPath().getLong("devices[0].deviceId");
    }

    @Test
    void shouldListDevicesFilteredBySiteAndPartOfTheSerial() {
        String html = ConsoleSession.signIn("viewer").request()
                .queryParam("site", site)
                .queryParam("q", serial.substring(3, 10).toLowerCase())
                .when().get("/ui/devices")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .extract().asString();
        assertThat(html).contains("<span id=\"device-total\">1</span>", serial, "/ui/devices/" + deviceId)
                .doesNotContain("AXIS M3045-V")
                .contains("href=\"/ui/devices.csv?site=" + site);
    }

    @Test
    void shouldFilterByIdentificationAndShowItsReasons() {
        String html = ConsoleSession.signIn("viewer").request()
                .queryParam("site", site)
                .queryParam("identification", "partial")
                .when().get("/ui/devices")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .extract().asString();
        assertThat(html).contains("<span id=\"device-total\">1</span>", "AXIS M3045-V", "login rejected")
                .doesNotContain(serial);
    }

    @Test
    void shouldShowABadFilterAsAMessageOnThePage() {
        ConsoleSession.signIn("viewer").request()
                .queryParam("status", "broken")
                .queryParam("sort", "nonsense")
                .when().get("/ui/devices")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body(containsString("role=\"alert\""));
    }

    @Test
    void shouldDownloadTheFilteredDevicesAsCsv() {
        String csv = ConsoleSession.signIn("viewer").request()
                .queryParam("site", site)
                .when().get("/ui/devices.csv")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("devices.csv"))
                .extract().asString();
        assertThat(csv.lines()).hasSize(3);
        assertThat(csv).contains(serial, "AXIS M3045-V");
    }

    @Test
    void shouldShowEveryFactWithItsEvidenceAndTheSightings() {
        String html = ConsoleSession.signIn("viewer").page("/ui/devices/" + deviceId);
        assertThat(html).contains("DS-2CD2142FWD-I", serial, "onvif.GetDeviceInformation", "HIKVISION", "Sightings")
                .contains("1 in all");
    }

    @Test
    void shouldHideTheEditFormFromAViewer() {
        String html = ConsoleSession.signIn("viewer").page("/ui/devices/" + deviceId);
        assertThat(html).doesNotContain("id=\"e-location\"").doesNotContain(">Save</button>");
    }

    @Test
    void shouldRefuseAnEditFromAViewerEvenWithAValidToken() {
        ConsoleSession viewer = ConsoleSession.signIn("viewer");
        viewer.form()
                .formParam("csrf", viewer.csrf("/ui/devices/" + deviceId))
                .formParam("location", "forged")
                .formParam("status", "active")
                .when().post("/ui/devices/" + deviceId)
                .then()
                .statusCode(Status.FORBIDDEN.getStatusCode());
        as("viewer").when().get("/api/v1/devices/" + deviceId).then().body("location", equalTo(null));
    }

    @Test
    void shouldRecordALocationFromTheFormAndShowItInTheListAndTheApi() {
        ConsoleSession facilities = ConsoleSession.signIn("facilities");
        String page = facilities.page("/ui/devices/" + deviceId);
        assertThat(page).contains("id=\"e-location\"", "<label for=\"e-location\">");
        facilities.form()
                .formParam("csrf", ConsoleSession.csrfOf(page))
                .formParam("location", "Loading dock, pole 3")
                .formParam("owner", "Facilities east")
                .formParam("notes", "")
                .formParam("status", "active")
                .when().post("/ui/devices/" + deviceId)
                .then()
                .statusCode(Status.SEE_OTHER.getStatusCode())
                .header("Location", endsWith("/ui/devices/" + deviceId + "?saved=1"));
        as("viewer").when().get("/api/v1/devices/" + deviceId)
                .then()
                .body("location", equalTo("Loading dock, pole 3"))
                .body("owner", equalTo("Facilities east"))
                .body("notes", equalTo(null));
        facilities.request().queryParam("site", site).queryParam("q", "pole 3").when().get("/ui/devices")
                .then()
                .body(containsString("Loading dock, pole 3"))
                .body(containsString("<span id=\"device-total\">1</span>"));
    }

    @Test
    void shouldShowValidationMessagesBesideTheFieldsAndSaveNothing() {
        ConsoleSession facilities = ConsoleSession.signIn("facilities");
        String html = facilities.form()
                .formParam("csrf", facilities.csrf("/ui/devices/" + deviceId))
                .formParam("location", "x".repeat(300))
                .formParam("owner", "Facilities east")
                .formParam("status", "demolished")
                .when().post("/ui/devices/" + deviceId)
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType(containsString("text/html"))
                .extract().asString();
        assertThat(html).contains("id=\"e-location-error\"", "id=\"e-status-error\"", "aria-invalid=\"true\"")
                .doesNotContain("id=\"e-owner-error\"")
                .contains("x".repeat(300));
        as("viewer").when().get("/api/v1/devices/" + deviceId).then().body("owner", equalTo(null));
    }

    @Test
    void shouldRefuseAFormWithoutItsCsrfToken() {
        ConsoleSession.signIn("facilities").form()
                .formParam("location", "forged")
                .formParam("status", "active")
                .when().post("/ui/devices/" + deviceId)
                .then()
                .statusCode(Status.FORBIDDEN.getStatusCode())
                .body(not(containsString("forged")));
        as("viewer").when().get("/api/v1/devices/" + deviceId).then().body("location", equalTo(null));
    }

    @Test
    void shouldListSitesWithTheirCounts() {
        String html = ConsoleSession.signIn("viewer").page("/ui/sites");
        assertThat(html).contains(">" + site + "</a>");
    }

    @Test
    void shouldSendAPersonWithoutSessionToSignIn() {
        io.restassured.RestAssured.given().redirects().follow(false)
                .when().get("/ui/devices")
                .then()
                .statusCode(Status.FOUND.getStatusCode())
                .header("Location", endsWith("/ui/login"));
    }
}
