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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import org.camaudit.testsupport.PostgresCluster;
import org.camaudit.testsupport.PostgresTestResource;

/**
 * The database stops while a 10,000-observation batch is being written: the request gets a 503 problem and
 * nothing of it is stored (or, if it committed just before, all of it). It runs under its own profile (after the
 * others) with a fresh application and a short acquisition timeout.
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
    void shouldAnswerServiceUnavailableAndStoreNothingWhenTheDatabaseStopsMidRequest() throws Exception {
        PostgresCluster cluster = PostgresCluster.shared().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(cluster != null, "needs the private test cluster");
        String site = uniqueSite("outage");
        String scanId = UUID.randomUUID().toString();
        post(batch(site, cameras(41, 5))).statusCode(Status.OK.getStatusCode());
        PostgresCluster.Connection db = cluster.jdbc();

        ExecutorService client = Executors.newSingleThreadExecutor();
        int status;
        try {
            Future<Integer> big = client.submit(() -> post(batch(scanId, site, cameras(42, 10_000))).extract().statusCode());
            awaitIngestStatement(db, big);
            cluster.stop();
            status = big.get(120, TimeUnit.SECONDS);
            as("viewer").queryParam("site", site).when().get("/api/v1/devices")
                    .then()
                    .statusCode(Status.SERVICE_UNAVAILABLE.getStatusCode())
                    .contentType("application/problem+json")
                    .body("status", equalTo(503));
            as("viewer").queryParam("site", site).when().get("/api/v1/devices/stream")
                    .then()
                    .statusCode(Status.SERVICE_UNAVAILABLE.getStatusCode())
                    .contentType("application/problem+json")
                    .body("status", equalTo(503));
        } finally {
            client.shutdownNow();
            cluster.start();
        }

        db = cluster.jdbc();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
            if (status == Status.OK.getStatusCode()) {
                // the ingest committed just before the stop: then all of it is there
                assertThat(count(c, "SELECT count(*) FROM sighting WHERE scan_id = ?", scanId)).isEqualTo(10_000);
                assertThat(count(c, "SELECT count(*) FROM device WHERE site = ?", site)).isEqualTo(10_005);
            } else {
                assertThat(status).isEqualTo(Status.SERVICE_UNAVAILABLE.getStatusCode());
                assertThat(count(c, "SELECT count(*) FROM scan WHERE scan_id = ?", scanId)).isZero();
                assertThat(count(c, "SELECT count(*) FROM sighting WHERE scan_id = ?", scanId)).isZero();
                assertThat(count(c, "SELECT count(*) FROM device WHERE site = ?", site)).isEqualTo(5);
            }
        }
    }

    /** Waits until the ingest of the batch is running in the database (or the request has ended). */
    private static void awaitIngestStatement(PostgresCluster.Connection db, Future<Integer> request) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%ingest_%'"
                                + " AND pid <> pg_backend_pid()")) {
            while (!request.isDone() && System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
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
