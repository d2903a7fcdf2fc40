package org.camaudit.inventory.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.inventory.Fixtures.as;
import static org.camaudit.inventory.Fixtures.batch;
import static org.camaudit.inventory.Fixtures.cameras;
import static org.camaudit.inventory.Fixtures.post;
import static org.camaudit.inventory.Fixtures.uniqueSite;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.camaudit.testsupport.PostgresCluster;
import org.camaudit.testsupport.PostgresTestResource;

/**
 * The database stops: requests get a 503 problem and nothing is half-written. Restarting the cluster moves
 * it to a new port, so this class runs under its own profile (after the others) with a fresh application.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.Outage.class)
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
class DatabaseOutageTest {

    public static class Outage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S");
        }
    }

    @Test
    void shouldAnswerServiceUnavailableAndStoreNothingWhileTheDatabaseIsDown() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(cluster != null, "needs the private test cluster");
        String site = uniqueSite("outage");
        String scanId = UUID.randomUUID().toString();
        post(batch(site, cameras(41, 5))).statusCode(Status.OK.getStatusCode());

        cluster.stop();
        try {
            post(batch(scanId, site, cameras(41, 50)))
                    .statusCode(Status.SERVICE_UNAVAILABLE.getStatusCode())
                    .contentType("application/problem+json")
                    .body("status", equalTo(503));
            as("viewer").queryParam("site", site).when().get("/api/v1/devices")
                    .then()
                    .statusCode(Status.SERVICE_UNAVAILABLE.getStatusCode())
                    .contentType("application/problem+json");
        } finally {
            cluster.start();
        }

        PostgresCluster.Connection db = cluster.jdbc();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            assertThat(count(c, "SELECT count(*) FROM scan WHERE scan_id = ?", scanId)).isZero();
            assertThat(count(c, "SELECT count(*) FROM device WHERE site = ?", site)).isEqualTo(5);
            assertThat(count(c, "SELECT count(*) FROM sighting WHERE site = ?", site)).isEqualTo(5);
        }
    }

    private static long count(Connection c, String sql, String param) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
