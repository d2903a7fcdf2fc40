package org.camaudit.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camaudit.audit.TestDevices.device;
import static org.camaudit.audit.rest.ApiTestSupport.inventoryHolds;
import static org.camaudit.audit.rest.ApiTestSupport.runAudit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import org.camaudit.audit.client.Device;
import org.camaudit.audit.entity.Finding;
import org.camaudit.audit.entity.FindingStatus;

/**
 * The set-based store on the real database: what an audit leaves unchanged is not written (its row version,
 * PostgreSQL's {@code xmin}, stays), and a refresh of a device's facts keeps a decision taken meanwhile.
 */
@QuarkusTest
class FindingStoreTest {

    private static final String SITE = "store";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    FindingStore store;

    private static List<Device> fleet(String hikvisionIp) {
        return List.of(
                device().id("st-hik").site(SITE).ip(hikvisionIp).manufacturer("Hikvision").reportedManufacturer("HIKVISION")
                        .model("DS-2CD2142FWD-I").firmware("V5.5.0 build 170725").hardwareId("88").build(),
                device().id("st-dahua").site(SITE).ip("10.8.0.2").mac("4c:11:bf:c2:0b:9d").build(),
                device().id("st-axis").site(SITE).ip("10.8.0.3").mac("00:40:8c:fa:b7:54").manufacturer("Axis")
                        .reportedManufacturer("AXIS").model("AXIS Q6045-E").firmware("5.55.1.2").build());
    }

    /** Each finding's row version and last audit, by device id and vendor. */
    private Map<String, String> rowVersions() throws SQLException {
        Map<String, String> versions = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select device_id, vendor, xmin::text, last_audit_id, ip from finding")) {
            while (rows.next()) {
                versions.put(rows.getString(1) + "/" + rows.getString(2),
                        rows.getString(3) + " audit " + rows.getLong(4) + " ip " + rows.getString(5));
            }
        }
        return versions;
    }

    @Test
    void shouldNotRewriteFindingsAnAuditLeftUnchangedAndRewriteOnlyTheOneThatChanged() throws SQLException {
        inventoryHolds(fleet("10.8.0.1"));
        runAudit();
        runAudit();
        Map<String, String> before = rowVersions();

        runAudit();

        assertThat(rowVersions()).isEqualTo(before);

        inventoryHolds(fleet("10.8.0.99"));
        long changingAudit = runAudit().getLong("auditId");

        Map<String, String> after = rowVersions();
        assertThat(after.get("st-hik/Hikvision")).isNotEqualTo(before.get("st-hik/Hikvision"))
                .endsWith("audit " + changingAudit + " ip 10.8.0.99");
        Map<String, String> others = new HashMap<>(after);
        others.remove("st-hik/Hikvision");
        Map<String, String> othersBefore = new HashMap<>(before);
        othersBefore.remove("st-hik/Hikvision");
        assertThat(others).isEqualTo(othersBefore);
    }

    @Test
    void shouldKeepADecisionTakenAfterTheAuditReadTheFindingWhenOnlyTheDevicesFactsChanged() throws SQLException {
        inventoryHolds(fleet("10.8.0.1"));
        runAudit();

        QuarkusTransaction.requiringNew().run(() -> {
            Finding read = store.all().stream()
                    .filter(f -> "st-hik".equals(f.deviceId))
                    .findFirst().orElseThrow();
            QuarkusTransaction.requiringNew().run(() -> Finding.update("status = ?1 where id = ?2",
                    FindingStatus.RISK_ACCEPTED, read.id));
            read.ip = "10.8.0.77";
            store.update(List.of(read), List.of());
        });

        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select status, ip from finding where device_id = 'st-hik'")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("status")).isEqualTo("risk-accepted");
            assertThat(row.getString("ip")).isEqualTo("10.8.0.77");
        }
    }
}
