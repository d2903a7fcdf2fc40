package org.camaudit.audit.security;

import static io.restassured.RestAssured.given;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.camaudit.testsupport.PostgresCluster;

/** After PostgreSQL restarts, pooled connections are checked before use: the very first requests succeed. */
@QuarkusTest
class DatabaseRestartTest {

    @Test
    void shouldAnswerTheFirstRequestsAfterADatabaseRestart() {
        PostgresCluster cluster = PostgresCluster.shared().orElse(null);
        Assumptions.assumeTrue(cluster != null, "needs the private test cluster");
        for (int i = 0; i < 4; i++) {
            given().auth().preemptive().basic("viewer", "viewer").when().get("/api/v1/findings").then().statusCode(Status.OK.getStatusCode());
        }
        cluster.stop();
        cluster.start();
        for (int i = 0; i < 4; i++) {
            given().auth().preemptive().basic("viewer", "viewer").when().get("/api/v1/findings").then().statusCode(Status.OK.getStatusCode());
        }
    }
}
