package org.camaudit.cameralab;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.inject.Inject;

import org.camaudit.cameralab.camera.CameraLab;
import org.camaudit.cameralab.fleet.CameraSpec;
import org.camaudit.cameralab.fleet.OnvifSettings;
import org.camaudit.cameralab.profile.ProfileRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;

import io.quarkus.test.junit.QuarkusTest;

/**
 * WS-Security UsernameToken digest checked against each camera's own clock: a client that reads
 * GetSystemDateAndTime first and corrects its Created gets in; one using its own clock does not.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthTest {

    private static final String AHEAD = "127.0.21.1";
    private static final String BEHIND = "127.0.21.2";
    private static final String ON_TIME = "127.0.21.3";
    private static final String OPEN = "127.0.21.4";
    private static final int PORT = RunningFleet.HTTP_PORT;

    @Inject
    CameraLab lab;

    @Inject
    ProfileRegistry profiles;

    private RunningFleet fleet;

    @BeforeAll
    void startFleet() {
        OnvifSettings account = new OnvifSettings(true, "digest", "operator", "S3cret!");
        fleet = new RunningFleet(lab, profiles, List.of(
                new CameraSpec(AHEAD, "hikvision", null, account, null, null, null, 3600L, null),
                new CameraSpec(BEHIND, "axis", null, account, null, null, null, -7200L, null),
                new CameraSpec(ON_TIME, "pelco", null, account, null, null, null, 0L, null),
                new CameraSpec(OPEN, "dahua", null, new OnvifSettings(true, "none", null, null), null, null, null,
                        0L, null)));
    }

    @AfterAll
    void stopFleet() {
        fleet.close();
    }

    @Test
    void reportsItsOwnClockIncludingTheSkew() throws Exception {
        Instant ahead = cameraClock(AHEAD);
        Instant behind = cameraClock(BEHIND);
        Instant now = Instant.now();
        assertThat(ahead).isBetween(now.plusSeconds(3600 - 60), now.plusSeconds(3600 + 60));
        assertThat(behind).isBetween(now.minusSeconds(7200 + 60), now.minusSeconds(7200 - 60));
    }

    @Test
    void acceptsDigestCreatedOnTheCameraClockAndRefusesTheClientClock() throws Exception {
        for (String ip : List.of(AHEAD, BEHIND)) {
            HttpResponse<String> clientClock = LabClient.soap(ip, PORT, "GetDeviceInformation", "operator", "S3cret!",
                    Instant.now());
            assertThat(clientClock.statusCode()).as(ip).isEqualTo(401);
            assertThat(clientClock.body()).contains("ter:NotAuthorized");

            HttpResponse<String> corrected = LabClient.soap(ip, PORT, "GetDeviceInformation", "operator", "S3cret!",
                    cameraClock(ip));
            assertThat(corrected.statusCode()).as(ip).isEqualTo(200);
        }
    }

    @Test
    void toleratesFiveMinutesOfDifferenceButNotMore() throws Exception {
        Instant camera = cameraClock(ON_TIME);
        assertThat(LabClient.soap(ON_TIME, PORT, "GetScopes", "operator", "S3cret!", camera.minusSeconds(240))
                .statusCode()).isEqualTo(200);
        assertThat(LabClient.soap(ON_TIME, PORT, "GetScopes", "operator", "S3cret!", camera.plusSeconds(400))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void refusesWrongPasswordWrongUserAndMissingToken() throws Exception {
        Instant camera = cameraClock(ON_TIME);
        assertThat(LabClient.soap(ON_TIME, PORT, "GetScopes", "operator", "wrong", camera).statusCode()).isEqualTo(401);
        assertThat(LabClient.soap(ON_TIME, PORT, "GetScopes", "admin", "S3cret!", camera).statusCode()).isEqualTo(401);
        assertThat(LabClient.soap(ON_TIME, PORT, "GetScopes", null, null, null).statusCode()).isEqualTo(401);
        String passwordText = LabClient.soapRequest("GetScopes", "operator", "S3cret!", camera)
                .replace("#PasswordDigest", "#PasswordText");
        assertThat(LabClient.post("http://" + ON_TIME + ":" + PORT + "/onvif/device_service", passwordText,
                java.time.Duration.ofSeconds(5)).statusCode()).isEqualTo(401);
    }

    @Test
    void cameraWithoutAuthAnswersEverything() throws Exception {
        assertThat(LabClient.soap(OPEN, PORT, "GetDeviceInformation", null, null, null).statusCode()).isEqualTo(200);
    }

    private static Instant cameraClock(String ip) throws Exception {
        Document doc = LabClient.parse(LabClient.soap(ip, PORT, "GetSystemDateAndTime", null, null, null).body());
        org.w3c.dom.Element utc = (org.w3c.dom.Element) doc.getElementsByTagNameNS(LabClient.TT, "UTCDateTime").item(0);
        int year = Integer.parseInt(utc.getElementsByTagNameNS(LabClient.TT, "Year").item(0).getTextContent().trim());
        int month = Integer.parseInt(utc.getElementsByTagNameNS(LabClient.TT, "Month").item(0).getTextContent().trim());
        int day = Integer.parseInt(utc.getElementsByTagNameNS(LabClient.TT, "Day").item(0).getTextContent().trim());
        int hour = Integer.parseInt(utc.getElementsByTagNameNS(LabClient.TT, "Hour").item(0).getTextContent().trim());
        int minute = Integer.parseInt(utc.getElementsByTagNameNS(LabClient.TT, "Minute").item(0).getTextContent().trim());
        int second = Integer.parseInt(utc.getElementsByTagNameNS(LabClient.TT, "Second").item(0).getTextContent().trim());
        return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
    }
}
