package org.camaudit.inventory.rest;

import static org.camaudit.inventory.Fixtures.as;
import static org.camaudit.inventory.Fixtures.obs;
import static org.camaudit.inventory.Fixtures.post;
import static org.camaudit.inventory.Fixtures.scanOf;
import static org.camaudit.inventory.Fixtures.uniqueSite;
import static org.camaudit.inventory.Fixtures.unfinishedScanOf;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.camaudit.testsupport.PostgresTestResource;

/**
 * A device becomes missing after 3 consecutive complete scans of its site whose targets cover its address
 * and that did not see it; scans of other subnets and scans that ended early say nothing about it.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class MissingRuleTest {

    private static final List<String> LOBBY = List.of("10.16.0.0/24");
    private static final List<String> YARD = List.of("10.16.1.0/24");

    private String site;
    private Map<String, Object> lobbyCamera;
    private Map<String, Object> yardCamera;
    private long lobbyId;
    private long yardId;

    @BeforeEach
    void recordTwoSubnets() {
        site = uniqueSite("missing");
        String unique = java.util.UUID.randomUUID().toString();
        lobbyCamera = obs("10.16.0.1", "02:16:" + unique.substring(0, 2) + ":" + unique.substring(2, 4) + ":00:01",
                null, null, null);
        yardCamera = obs("10.16.1.1", "02:16:" + unique.substring(0, 2) + ":" + unique.substring(2, 4) + ":01:01",
                null, null, null);
        var devices = post(scanOf(site, List.of("10.16.0.0/23"), List.of(lobbyCamera, yardCamera)))
                .statusCode(Status.OK.getStatusCode())
                .extract().jsonPath();
        lobbyId = devices.getLong("devices[0].deviceId");
        yardId = devices.getLong("devices[1].deviceId");
    }

    @Test
    void shouldMarkMissingAfterThreeCoveringScansWithoutItAndActiveWhenSeenAgain() {
        post(scanOf(site, LOBBY, List.of()));
        post(scanOf(site, LOBBY, List.of()));
        assertStatus(lobbyId, "active");

        post(scanOf(site, LOBBY, List.of()));
        assertStatus(lobbyId, "missing");
        as("viewer").queryParam("site", site).queryParam("status", "missing").when().get("/api/v1/devices")
                .then()
                .body("total", equalTo(1));

        post(scanOf(site, LOBBY, List.of(lobbyCamera))).body("devices[0].result", equalTo("updated"));
        assertStatus(lobbyId, "active");
    }

    @Test
    void shouldNotCountScansOfOtherSubnets() {
        for (int i = 0; i < 4; i++) {
            post(scanOf(site, LOBBY, List.of(lobbyCamera))).statusCode(Status.OK.getStatusCode());
        }
        assertStatus(yardId, "active");
        assertStatus(lobbyId, "active");
    }

    @Test
    void shouldNotCountScansThatEndedEarly() {
        for (int i = 0; i < 4; i++) {
            post(unfinishedScanOf(site, YARD, List.of())).statusCode(Status.OK.getStatusCode());
        }
        assertStatus(yardId, "active");
    }

    @Test
    void shouldNotCountScansWithoutTargets() {
        for (int i = 0; i < 4; i++) {
            post(scanOf(site, List.of(), List.of())).statusCode(Status.OK.getStatusCode());
        }
        assertStatus(lobbyId, "active");
        assertStatus(yardId, "active");
    }

    @Test
    void shouldCountRangesAndSingleAddressesThatHoldTheAddress() {
        post(scanOf(site, List.of("10.16.1.0-10.16.1.9"), List.of()));
        post(scanOf(site, List.of("10.16.1.1"), List.of()));
        post(scanOf(site, List.of("@cameras.txt", "10.16.0.0-10.16.1.200"), List.of()));
        assertStatus(yardId, "missing");
        assertStatus(lobbyId, "active");
    }

    @Test
    void shouldStartCountingAgainAfterAScanThatSawIt() {
        post(scanOf(site, YARD, List.of()));
        post(scanOf(site, YARD, List.of()));
        post(scanOf(site, YARD, List.of(yardCamera)));
        post(scanOf(site, YARD, List.of()));
        post(scanOf(site, YARD, List.of()));
        assertStatus(yardId, "active");
    }

    private static void assertStatus(long id, String status) {
        as("viewer").when().get("/api/v1/devices/{id}", id)
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body("status", equalTo(status));
    }
}
