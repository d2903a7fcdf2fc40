package org.camaudit.inventory.service.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.camaudit.common.problem.ProblemException;
import org.camaudit.inventory.mapping.IngestResult;
import org.camaudit.inventory.mapping.ObservationBatch;
import org.camaudit.inventory.mapping.TargetRange;

/**
 * The scans and their parts. A scan too large for one request arrives as several requests with the same
 * {@code scanId}; each distinct set of observations is a part of the scan, known by its digest. The answer
 * is stored with its part, so the same part again gets the same answer and changes nothing.
 */
@ApplicationScoped
class ScanPartStore {

    private final ObjectMapper json;

    ScanPartStore(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Records the scan when this is its first part (with the address ranges of its targets), or checks that
     * a later part comes from the scan's site.
     *
     * @throws ProblemException 409 when the scan is known for another site
     */
    void recordScan(Connection c, ObservationBatch batch, ObservationStager.StagedBatch staged)
            throws SQLException, JsonProcessingException {
        if (insertScan(c, batch, staged)) {
            insertTargets(c, batch);
        } else {
            requireSameSite(c, batch);
        }
    }

    /** Records the part; false when this part of the scan was recorded before (or by a concurrent request). */
    boolean recordPart(Connection c, String scanId, String digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(IngestSql.INSERT_PART)) {
            ps.setString(1, scanId);
            ps.setString(2, digest);
            return ps.executeUpdate() == 1;
        }
    }

    /** The answer stored with a part recorded before. */
    IngestResult storedResult(Connection c, String scanId, String digest) throws SQLException, JsonProcessingException {
        try (PreparedStatement ps = c.prepareStatement(IngestSql.PART_RESPONSE)) {
            ps.setString(1, scanId);
            ps.setString(2, digest);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return json.readValue(rs.getString(1), IngestResult.class);
            }
        }
    }

    /** Adds the part's counts to its scan and stores its answer. */
    void storeResult(Connection c, String digest, IngestResult result) throws SQLException, JsonProcessingException {
        try (PreparedStatement ps = c.prepareStatement(IngestSql.ADD_COUNTS)) {
            ps.setInt(1, result.received());
            ps.setInt(2, result.created());
            ps.setInt(3, result.updated());
            ps.setInt(4, result.unchanged());
            ps.setString(5, result.scanId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(IngestSql.STORE_RESPONSE)) {
            ps.setString(1, json.writeValueAsString(result));
            ps.setString(2, result.scanId());
            ps.setString(3, digest);
            ps.executeUpdate();
        }
    }

    /** Inserts the scan row unless a scan with this id exists (waiting for a concurrent insert to end). */
    private boolean insertScan(Connection c, ObservationBatch batch, ObservationStager.StagedBatch staged)
            throws SQLException, JsonProcessingException {
        try (PreparedStatement ps = c.prepareStatement(IngestSql.INSERT_SCAN)) {
            ps.setString(1, batch.scanId());
            ps.setString(2, batch.site());
            ps.setString(3, batch.scanner() == null ? null : StagedColumn.trimToNull(batch.scanner().host()));
            ps.setString(4, batch.scanner() == null ? null : StagedColumn.trimToNull(batch.scanner().version()));
            ps.setObject(5, staged.startedAt());
            ps.setObject(6, batch.finishedAt());
            ps.setString(7, json.writeValueAsString(batch.targets() == null ? List.of() : batch.targets()));
            return ps.executeUpdate() == 1;
        }
    }

    /** The address ranges of the scan's targets, which decide the devices its silence counts against. */
    private static void insertTargets(Connection c, ObservationBatch batch) throws SQLException {
        if (batch.targets() == null || batch.targets().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(IngestSql.INSERT_TARGET)) {
            for (String target : batch.targets()) {
                Optional<TargetRange> range = TargetRange.parse(target);
                if (range.isPresent()) {
                    ps.setString(1, batch.scanId());
                    ps.setString(2, range.get().low().getHostAddress());
                    ps.setString(3, range.get().high().getHostAddress());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** A later part of a scan must come from the scan's site: one scan never records devices in two sites. */
    private static void requireSameSite(Connection c, ObservationBatch batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(IngestSql.SCAN_SITE)) {
            ps.setString(1, batch.scanId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String site = rs.getString(1);
                if (!site.equals(batch.site())) {
                    throw new ProblemException(Response.Status.CONFLICT, "Scan belongs to another site",
                            "Scan " + batch.scanId() + " was recorded for site " + site + ", not " + batch.site()
                                    + "; nothing was stored. A scan of another site needs its own scanId.");
                }
            }
        }
    }
}
