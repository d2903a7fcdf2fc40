package org.camaudit.inventory.security;

import static org.camaudit.inventory.Fixtures.as;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.camaudit.testsupport.PostgresCluster;
import org.camaudit.testsupport.PostgresTestResource;

/** After PostgreSQL restarts, pooled connections are checked before use: the very first requests succeed. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class DatabaseRestartTest {

    @Test
    void shouldAnswerTheFirstRequestsAfterADatabaseRestart() {
        PostgresCluster cluster = PostgresCluster.shared().orElse(null);
        Assumptions.assumeTrue(cluster != null, "needs the private test cluster");
        for (int i = 0; i < 4; i++) {
            as("viewer").when().get("/api/v1/devices").then().statusCode(Status.OK.getStatusCode());
        }
        cluster.stop();
        cluster.start();
        for (int i = 0; i < 4; i++) {
            as("viewer").when().get("/api/v1/devices").then().statusCode(Status.OK.getStatusCode());
        }
    }
}
