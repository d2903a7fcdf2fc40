package org.camaudit.inventory.service.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import org.postgresql.PGConnection;

import org.camaudit.inventory.config.InventoryConfig;
import org.camaudit.inventory.mapping.IngestResult;
import org.camaudit.inventory.mapping.ObservationBatch;

/**
 * The steps of one ingest, run inside the caller's transaction with a fixed number of set-based statements
 * whatever the batch size: record the scan and its part, stage the observations, match them to devices,
 * insert the new devices, lock and update the known ones, keep a sighting per observation, and apply the
 * {@code missing} rule to the scan's site.
 */
@ApplicationScoped
class IngestTransaction {

    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource dataSource;
    private final ScanPartStore parts;
    private final InventoryConfig config;

    IngestTransaction(AgroalDataSource dataSource, ScanPartStore parts, InventoryConfig config) {
        this.dataSource = dataSource;
        this.parts = parts;
        this.config = config;
    }

    IngestResult run(ObservationBatch batch, ObservationStager.StagedBatch staged) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            parts.recordScan(c, batch, staged);
            if (!parts.recordPart(c, batch.scanId(), staged.digest())) {
                return parts.storedResult(c, batch.scanId(), staged.digest());
            }
            stage(c, staged);
            matchDevices(c, batch);
            lockAndComputeChanges(c, batch);
            IngestResult result = results(c, batch.scanId());
            execute(c, IngestSql.APPLY);
            update(c, IngestSql.SIGHTINGS, batch.scanId(), batch.site());
            markMissing(c, batch.site(), batch.scanId());
            parts.storeResult(c, staged.digest(), result);
            return result;
        }
    }

    /** The observations in {@code ingest_obs}, with one COPY. */
    private static void stage(Connection c, ObservationStager.StagedBatch staged) throws SQLException, IOException {
        execute(c, IngestSql.WORK_MEM);
        execute(c, IngestSql.STAGE_TABLES);
        c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn(ObservationStager.copyStatement(), new ByteArrayInputStream(staged.copyRows()));
    }

    /**
     * A device for every observation: match, insert the devices that matched none, and match again those
     * the insert did not create (another observation of the batch, or a concurrent scan, created them).
     * The insert is tried plainly first; only when a key is taken does it go the way that skips taken keys.
     */
    private static void matchDevices(Connection c, ObservationBatch batch) throws SQLException {
        update(c, IngestSql.MATCH_ALL, batch.site(), batch.site());
        execute(c, IngestSql.ANALYZE_MATCH);
        if (!insertNewPlainly(c, batch)) {
            update(c, IngestSql.INSERT_NEW_SKIPPING_TAKEN, batch.site(), batch.scanId());
            if (update(c, IngestSql.UNASSIGN_NOT_CREATED) > 0) {
                update(c, IngestSql.MATCH_UNMATCHED, batch.site(), batch.site());
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(IngestSql.UNMATCHED)) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new SQLException("observations left without a device after insert", "40001");
            }
        }
    }

    /**
     * Inserts every new device under a savepoint; false, with nothing inserted, when one of their keys is
     * taken (a unique violation). Any other error ends the transaction as before.
     */
    private static boolean insertNewPlainly(Connection c, ObservationBatch batch) throws SQLException {
        execute(c, IngestSql.SAVEPOINT);
        try {
            update(c, IngestSql.INSERT_NEW, batch.site(), batch.scanId());
        } catch (SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw e;
            }
            execute(c, IngestSql.ROLLBACK_TO_SAVEPOINT);
            return false;
        }
        execute(c, IngestSql.RELEASE_SAVEPOINT);
        return true;
    }

    /** Locks the matched devices in id order, then computes their new state into {@code ingest_change}. */
    private static void lockAndComputeChanges(Connection c, ObservationBatch batch) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.executeQuery(IngestSql.LOCK).close();
        }
        update(c, IngestSql.CHANGES, batch.site(), batch.scanId());
        execute(c, IngestSql.KEEP_TAKEN_MAC);
        execute(c, IngestSql.KEEP_TAKEN_SERIAL);
    }

    /** What happened to each observation's device; read before the update makes stored and new state equal. */
    private static IngestResult results(Connection c, String scanId) throws SQLException {
        List<IngestResult.DeviceResult> devices = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(IngestSql.RESULTS)) {
            while (rs.next()) {
                String result;
                if (rs.getBoolean("created")) {
                    result = "created";
                    created++;
                } else if (rs.getBoolean("changed")) {
                    result = "updated";
                    updated++;
                } else {
                    result = "unchanged";
                    unchanged++;
                }
                devices.add(new IngestResult.DeviceResult(rs.getLong("device_id"), rs.getString("ip"), result));
            }
        }
        return new IngestResult(scanId, devices.size(), created, updated, unchanged, devices);
    }

    private void markMissing(Connection c, String site, String scanId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(IngestSql.MARK_MISSING)) {
            ps.setString(1, site);
            ps.setString(2, scanId);
            ps.setInt(3, config.missingAfterScans());
            ps.setInt(4, config.missingAfterScans());
            ps.executeUpdate();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static int update(Connection c, String sql, String... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setString(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }
}
