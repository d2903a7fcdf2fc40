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
import static org.hamcrest.Matchers.notNullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import org.camaudit.testsupport.PostgresTestResource;

@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class ObservationResourceTest {

    @Test
    void shouldCreateDevicesAndReportCounts() {
        String site = uniqueSite("create");
        JsonPath answer = post(batch(site, List.of(
                obs("10.1.0.23", "44:19:B6:12:34:56", "Hikvision", "DS-2CD2142FWD-I", "SN1"),
                obs("10.1.0.24"))))
                .statusCode(Status.OK.getStatusCode())
                .body("received", equalTo(2))
                .body("created", equalTo(2))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(0))
                .body("devices.result", equalTo(List.of("created", "created")))
                .body("devices.ip", equalTo(List.of("10.1.0.23", "10.1.0.24")))
                .extract().jsonPath();
        long id = answer.getLong("devices[0].deviceId");

        as("viewer").when().get("/api/v1/devices/{id}", id)
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("site", equalTo(site))
                .body("mac", equalTo("44:19:b6:12:34:56"))
                .body("manufacturer", equalTo("Hikvision"))
                .body("serialNumber", equalTo("SN1"))
                .body("status", equalTo("active"))
                .body("discoveredBy", equalTo(List.of("onvif")))
                .body("observedAt", equalTo(as("viewer").when().get("/api/v1/devices/{id}", id).jsonPath().getString("lastSeen")))
                .body("observedAt", notNullValue());
        as("viewer").when().get("/api/v1/devices/{id}/sightings", id)
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("total", equalTo(1))
                .body("items[0].ip", equalTo("10.1.0.23"))
                .body("items[0].serialNumber", equalTo("SN1"))
                .body("items[0].reportedManufacturer", equalTo("HIKVISION"));
    }

    @Test
    void shouldKeepWhatEachSightingSaidAfterTheDeviceChanges() {
        String site = uniqueSite("sighting");
        Map<String, Object> first = obs("10.4.0.1", "44:19:b6:00:00:01", "Hikvision", "DS-2CD2142FWD-I", "SN-S1");
        first.put("firmwareVersion", "V5.5.0 build 170725");
        first.put("evidence", List.of(Map.of("source", "onvif.GetDeviceInformation", "field", "FirmwareVersion",
                "value", "V5.5.0 build 170725")));
        first.put("httpPorts", List.of(80));
        long id = post(batch(site, List.of(first))).statusCode(Status.OK.getStatusCode())
                .extract().jsonPath().getLong("devices[0].deviceId");
        Map<String, Object> later = obs("10.4.0.1", "44:19:b6:00:00:01", "Hikvision", "DS-2CD2142FWD-I", "SN-S1");
        later.put("firmwareVersion", "V5.7.3 build 220112");
        post(batch(site, List.of(later))).statusCode(Status.OK.getStatusCode());

        as("viewer").when().get("/api/v1/devices/{id}/sightings", id)
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("total", equalTo(2))
                .body("items.firmwareVersion", hasItem("V5.5.0 build 170725"))
                .body("items.firmwareVersion", hasItem("V5.7.3 build 220112"))
                .body("items.evidence.flatten().value", hasItem("V5.5.0 build 170725"))
                .body("items.httpPorts.flatten()", hasItem(80));
    }

    @Test
    void shouldAnswerTheSameAndChangeNothingWhenScanIdIsRepeated() {
        String site = uniqueSite("idem");
        String scanId = java.util.UUID.randomUUID().toString();
        String first = post(batch(scanId, site, List.of(obs("10.2.0.1"), obs("10.2.0.2"))))
                .statusCode(Status.OK.getStatusCode())
                .extract().asString();
        String again = post(batch(scanId, site, List.of(obs("10.2.0.1"), obs("10.2.0.2"))))
                .statusCode(Status.OK.getStatusCode())
                .extract().asString();

        assertThat(JsonPath.from(again).getMap("")).isEqualTo(JsonPath.from(first).getMap(""));
        as("viewer").queryParam("site", site).when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(2));
        long deviceId = JsonPath.from(first).getLong("devices[0].deviceId");
        as("viewer").when().get("/api/v1/devices/{id}/sightings", deviceId)
                .then()
                .body("total", equalTo(1));
    }

    @Test
    void shouldRecordEveryPartOfAScanSentInSeveralRequests() {
        String site = uniqueSite("parts");
        String scanId = java.util.UUID.randomUUID().toString();
        String firstPart = post(batch(scanId, site, List.of(obs("10.3.0.1"), obs("10.3.0.2"))))
                .statusCode(Status.OK.getStatusCode())
                .body("created", equalTo(2))
                .extract().asString();
        post(batch(scanId, site, List.of(obs("10.3.0.3"))))
                .statusCode(Status.OK.getStatusCode())
                .body("received", equalTo(1))
                .body("created", equalTo(1));
        String firstPartAgain = post(batch(scanId, site, List.of(obs("10.3.0.1"), obs("10.3.0.2"))))
                .statusCode(Status.OK.getStatusCode())
                .extract().asString();

        assertThat(JsonPath.from(firstPartAgain).getMap("")).isEqualTo(JsonPath.from(firstPart).getMap(""));
        as("viewer").queryParam("site", site).when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(3));
        as("viewer").when().get("/api/v1/scans/{id}", scanId)
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("received", equalTo(3))
                .body("created", equalTo(3));
    }

    @Test
    void shouldCreateOneDeviceWhenABatchSeesANewCameraAtTwoAddresses() {
        String site = uniqueSite("twice");
        // a recorder with two network ports gives the same serial number at each address
        JsonPath answer = post(batch(site, List.of(
                obs("10.3.1.1", null, "Hikvision", "DS-7608NI-K2", "SN-TWICE-1"),
                obs("10.3.1.2", null, "HIKVISION", "DS-7608NI-K2", "SN-TWICE-1"),
                obs("10.3.1.3", "44:19:b6:00:01:03", "Hikvision", "DS-2CD2042WD", "SN-TWICE-3"))))
                .statusCode(Status.OK.getStatusCode())
                .body("received", equalTo(3))
                .extract().jsonPath();
        long recorder = answer.getLong("devices[0].deviceId");

        assertThat(answer.getLong("devices[1].deviceId")).isEqualTo(recorder);
        assertThat(answer.getLong("devices[2].deviceId")).isNotEqualTo(recorder);
        as("viewer").queryParam("site", site).when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(2));
        as("viewer").when().get("/api/v1/devices/{id}/sightings", recorder)
                .then()
                .body("total", equalTo(2));
    }

    @Test
    void shouldMergeSerialAndMacIntoDeviceKnownByIp() {
        String site = uniqueSite("merge");
        long byIp = post(batch(site, List.of(obs("10.3.0.9"))))
                .extract().jsonPath().getLong("devices[0].deviceId");

        post(batch(site, List.of(obs("10.3.0.9", "44:19:b6:00:00:09", "Hikvision", "DS-2CD2042WD", "SN-MERGE-9"))))
                .statusCode(Status.OK.getStatusCode())
                .body("devices[0].deviceId", equalTo((int) byIp))
                .body("devices[0].result", equalTo("updated"));

        as("viewer").queryParam("site", site).when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(1))
                .body("items[0].serialNumber", equalTo("SN-MERGE-9"))
                .body("items[0].mac", equalTo("44:19:b6:00:00:09"));
    }

    @Test
    void shouldFollowSerialAcrossIpAndSiteChanges() {
        String site = uniqueSite("serial");
        String other = uniqueSite("serial-moved");
        long id = post(batch(site, List.of(obs("10.4.0.1", null, "Dahua", "IPC-HDW1230S", "DH-SERIAL-1"))))
                .extract().jsonPath().getLong("devices[0].deviceId");

        post(batch(other, List.of(obs("10.9.9.9", null, "dahua", "IPC-HDW1230S", "DH-SERIAL-1"))))
                .body("devices[0].deviceId", equalTo((int) id))
                .body("devices[0].result", equalTo("updated"));

        as("viewer").when().get("/api/v1/devices/{id}", id)
                .then()
                .body("site", equalTo(other))
                .body("ip", equalTo("10.9.9.9"));
    }

    @Test
    void shouldIdentifyByMacWhenThereIsNoSerial() {
        String site = uniqueSite("mac");
        long id = post(batch(site, List.of(obs("10.5.0.1", "00:40:8c:00:00:01", "Axis", "M3045-V", null))))
                .extract().jsonPath().getLong("devices[0].deviceId");

        post(batch(site, List.of(obs("10.5.0.77", "00-40-8C-00-00-01", "Axis", "M3045-V", null))))
                .body("devices[0].deviceId", equalTo((int) id))
                .body("devices[0].result", equalTo("updated"));
    }

    @Test
    void shouldKeepTwoDevicesWhenAnIpMovesToAnotherMac() {
        String site = uniqueSite("ipreuse");
        long first = post(batch(site, List.of(obs("10.6.0.1", "02:00:00:00:06:01", null, null, null))))
                .extract().jsonPath().getLong("devices[0].deviceId");

        long second = post(batch(site, List.of(obs("10.6.0.1", "02:00:00:00:06:02", null, null, null))))
                .body("devices[0].result", equalTo("created"))
                .extract().jsonPath().getLong("devices[0].deviceId");

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void shouldReportUnchangedWhenNothingChanged() {
        String site = uniqueSite("unchanged");
        List<Map<String, Object>> fleet = cameras(11, 20);
        post(batch(site, fleet)).body("created", equalTo(20));

        post(batch(site, fleet))
                .body("created", equalTo(0))
                .body("updated", equalTo(0))
                .body("unchanged", equalTo(20));
    }

    @Test
    void shouldNotDuplicateDevicesWhenOverlappingBatchesArriveConcurrently() throws Exception {
        String site = uniqueSite("concurrent");
        List<Map<String, Object>> fleet = cameras(12, 300);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                // each thread posts an overlapping window of the fleet, plus the ip-only view of one camera
                List<Map<String, Object>> part = new ArrayList<>(fleet.subList(t * 25, t * 25 + 100));
                part.add(obs("10.12.99.1"));
                Callable<Integer> call = () -> {
                    start.await();
                    return post(batch(site, part)).extract().statusCode();
                };
                answers.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo(Status.OK.getStatusCode());
            }
        } finally {
            pool.shutdownNow();
        }

        int expected = 7 * 25 + 100 + 1;
        as("viewer").queryParam("site", site).queryParam("size", 1000).when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(expected))
                .body("items.ip", hasItem("10.12.99.1"));
    }

    @Test
    void shouldKeepOneDevicePerCameraWhenScansOfDifferentSitesSeeTheSameCamerasConcurrently() throws Exception {
        List<Map<String, Object>> fleet = cameras(14, 200);
        String serial = (String) fleet.get(0).get("serialNumber");
        String fleetSerials = serial.substring(0, serial.lastIndexOf('-') + 1);
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                // cameras that moved between sites: the same MACs and serials, seen by two sites' scanners
                List<Map<String, Object>> part = new ArrayList<>(fleet.subList(t * 20, t * 20 + 100));
                String site = uniqueSite("moved-" + t);
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(batch(site, part)).extract().statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo(Status.OK.getStatusCode());
            }
        } finally {
            pool.shutdownNow();
        }

        as("viewer").queryParam("q", fleetSerials).queryParam("size", 1000).when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(200));
    }

    @Test
    void shouldRejectWholeBatchAndStoreNothingWhenOneObservationIsInvalid() {
        String site = uniqueSite("reject");
        String scanId = java.util.UUID.randomUUID().toString();
        List<Map<String, Object>> observations = new ArrayList<>(cameras(13, 10));
        observations.get(5).put("ip", "");
        observations.get(7).put("model", "x".repeat(256));

        post(batch(scanId, site, observations))
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("observations[5].ip"))
                .body("errors.field", hasItem("observations[7].model"));

        as("viewer").when().get("/api/v1/scans/{id}", scanId)
                .then()
                .statusCode(Status.NOT_FOUND.getStatusCode());
        as("viewer").queryParam("site", site).when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(0));
    }

    @Test
    void shouldRejectMoreThanTenThousandObservations() {
        List<Map<String, Object>> observations = new ArrayList<>(10_001);
        for (int i = 0; i < 10_001; i++) {
            observations.add(obs("10.14." + (i / 250) + "." + (i % 250 + 1)));
        }
        String scanId = java.util.UUID.randomUUID().toString();

        post(batch(scanId, uniqueSite("limit"), observations))
                .statusCode(Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode())
                .contentType("application/problem+json")
                .body("status", equalTo(413));

        as("viewer").when().get("/api/v1/scans/{id}", scanId)
                .then()
                .statusCode(Status.NOT_FOUND.getStatusCode());
    }

    @Test
    void shouldRejectBodiesOverSixteenMebibytes() {
        String padding = "a".repeat(16 * 1024 * 1024);
        as("scanner").contentType(ContentType.JSON)
                .body("{\"scanId\":\"big\",\"site\":\"" + padding + "\",\"observations\":[]}")
                .when().post("/api/v1/observations")
                .then()
                .statusCode(Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode());
    }

    @Test
    void shouldNameTheFieldOfAnOversizedString() {
        Map<String, Object> o = obs("10.15.0.1");
        o.put("serialNumber", "S".repeat(300));
        post(batch(uniqueSite("long"), List.of(o)))
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("observations[0].serialNumber"));
    }

    @Test
    void shouldRejectMalformedJsonAndBadAddresses() {
        as("scanner").contentType(ContentType.JSON).body("{\"scanId\":")
                .when().post("/api/v1/observations")
                .then()
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .contentType("application/problem+json");
        Map<String, Object> o = obs("not-an-ip");
        o.put("mac", "zz:zz");
        post(batch(uniqueSite("bad"), List.of(o)))
                .statusCode(Status.BAD_REQUEST.getStatusCode())
                .body("errors.field", hasItem("observations[0].ip"))
                .body("errors.field", hasItem("observations[0].mac"));
    }

    @Test
    void shouldAnswerConflictAndStoreNothingForAPartOfAKnownScanFromAnotherSite() {
        String site = uniqueSite("conflict");
        String other = uniqueSite("conflict-other");
        String scanId = java.util.UUID.randomUUID().toString();
        post(batch(scanId, site, List.of(obs("10.18.0.1")))).statusCode(Status.OK.getStatusCode());

        post(batch(scanId, other, List.of(obs("10.18.0.2"))))
                .statusCode(Status.CONFLICT.getStatusCode())
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", org.hamcrest.Matchers.containsString(site));

        as("viewer").queryParam("site", other).when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(0));
        as("viewer").when().get("/api/v1/scans/{id}", scanId)
                .then()
                .body("site", equalTo(site))
                .body("received", equalTo(1));
    }

    @Test
    void shouldStoreTextWithBackslashesTabsAndNewlinesVerbatim() {
        String site = uniqueSite("escapes");
        String model = "DS\\2CD\tI\nline two\r\\N \\. end";
        String evidenceValue = "a\\b\t\"quoted\"";
        Map<String, Object> o = obs("10.77.0.1", null, "Hikvision", model, null);
        o.put("firmwareVersion", "\\N");
        o.put("evidence", List.of(Map.of("source", "http\tbanner", "value", evidenceValue)));
        long id = post(batch(site, List.of(o))).body("created", equalTo(1)).extract().jsonPath().getLong("devices[0].deviceId");

        as("viewer").when().get("/api/v1/devices/{id}", id).then()
                .statusCode(Status.OK.getStatusCode())
                .body("model", equalTo(model))
                .body("firmwareVersion", equalTo("\\N"))
                .body("serialNumber", equalTo(null))
                .body("evidence[0].source", equalTo("http\tbanner"))
                .body("evidence[0].value", equalTo(evidenceValue));
        post(batch(site, List.of(o))).body("unchanged", equalTo(1));
    }
}
