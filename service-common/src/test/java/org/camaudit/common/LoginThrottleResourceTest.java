package org.camaudit.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Password guessing over HTTP Basic is throttled per account and client address (X-Forwarded-For in this test app). */
@QuarkusTest
class LoginThrottleResourceTest {

    private static io.restassured.response.ValidatableResponse login(String user, String password, String from) {
        return given().auth().preemptive().basic(user, password)
                .header("X-Forwarded-For", from)
                .when().get("/probe")
                .then();
    }

    @Test
    void shouldAnswerTooManyRequestsWithRetryAfterOnceAGuesserKeepsFailing() {
        for (int i = 0; i < 6; i++) {
            login("guessed", "wrong-" + i, "198.51.100.7").statusCode(Status.UNAUTHORIZED.getStatusCode());
        }
        login("guessed", "right", "198.51.100.7")
                .statusCode(Status.TOO_MANY_REQUESTS.getStatusCode())
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
        login("guessed", "right", "198.51.100.8").statusCode(Status.OK.getStatusCode());
        login("viewer", "viewer", "198.51.100.7").statusCode(Status.OK.getStatusCode());
    }

    @Test
    void shouldThrottleANameThatIsNoAccountTheSameWay() {
        for (int i = 0; i < 6; i++) {
            login("no-such-account", "wrong", "198.51.100.9").statusCode(Status.UNAUTHORIZED.getStatusCode());
        }
        login("no-such-account", "wrong", "198.51.100.9").statusCode(Status.TOO_MANY_REQUESTS.getStatusCode());
    }

    @Test
    void shouldCountFailedLoginsInTheMetrics() {
        login("viewer", "wrong", "198.51.100.10").statusCode(Status.UNAUTHORIZED.getStatusCode());
        given()
                .when().get("/q/metrics")
                .then()
                .statusCode(Status.OK.getStatusCode())
                .body(containsString("camaudit_login_failures_total"))
                .body(containsString("camaudit_login_throttle_entries"));
    }
}
