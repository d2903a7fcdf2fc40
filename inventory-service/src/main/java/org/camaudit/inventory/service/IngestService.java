package org.camaudit.inventory.service;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

import org.postgresql.PGConnection;

import org.camaudit.common.problem.ProblemException;
import org.camaudit.inventory.config.InventoryConfig;
import org.camaudit.inventory.mapping.IngestResult;
import org.camaudit.inventory.mapping.Observation;
import org.camaudit.inventory.mapping.ObservationBatch;
import org.camaudit.inventory.mapping.TargetRange;

/**
 * Records one scan's observations: the scan, a device per identity, a sighting per observation, and the
 * {@code missing} rule for the scan's site, all in one transaction.
 *
 * <p>A batch is processed with a fixed number of set-based statements whatever its size: the observations
 * are staged in a temporary table with one {@code COPY}, matched to devices (manufacturer +
 * serial number, else MAC, else site + ip), unmatched ones are inserted with {@code ON CONFLICT DO NOTHING}
 * (the partial unique indexes on {@code device} are the identity rules, so concurrent scans of the same
 * devices cannot create duplicates), everything is matched again, and matched devices are locked in id order
 * and updated. A collision with a concurrent scan (deadlock, unique key race) retries the whole transaction.
 *
 * <p>A scan too large for one request arrives as several requests with the same {@code scanId}; each distinct
 * set of observations is a part of the scan, known by its digest. The answer is stored with its part: posting
 * the same part again changes nothing and gets the same answer, while another part of the scan is recorded
 * and added to the scan's counts.
 */
@ApplicationScoped
public class IngestService {

    private static final int OBSERVED_AT_COLUMN = 14;
    /** Columns hashed into a part's digest only when an observation of the batch has an identification. */
    private static final int FIRST_IDENTIFICATION_COLUMN = 12;

    private static final String STAGE_TABLES = """
            CREATE TEMP TABLE ingest_obs (
                idx int PRIMARY KEY, ip varchar(45) NOT NULL, mac varchar(17), manufacturer varchar(255),
                reported_manufacturer varchar(255), model varchar(255), firmware_version varchar(255),
                serial_number varchar(255), hardware_id varchar(255), discovered_by jsonb NOT NULL,
                onvif jsonb, http_ports jsonb NOT NULL, evidence jsonb NOT NULL, identification_status varchar(16),
                identification_reasons jsonb NOT NULL, observed_at timestamptz NOT NULL
            ) ON COMMIT DROP;
            CREATE TEMP TABLE ingest_match (idx int PRIMARY KEY, device_id bigint) ON COMMIT DROP;
            CREATE TEMP TABLE ingest_created (id bigint PRIMARY KEY) ON COMMIT DROP;
            CREATE TEMP TABLE ingest_change ON COMMIT DROP AS
                SELECT id, site, ip, mac, manufacturer, reported_manufacturer, model, firmware_version, serial_number,
                    hardware_id, discovered_by, onvif, http_ports, evidence, identification_status,
                    identification_reasons, status, last_seen, last_scan_id,
                    mac AS stored_mac, serial_number AS stored_serial_number, manufacturer AS stored_manufacturer
                FROM device WITH NO DATA
            """;

    /** The observations, as COPY text rows built once per request by {@link #copyText}. */
    private static final String STAGE = """
            COPY ingest_obs (idx, ip, mac, manufacturer, reported_manufacturer, model, firmware_version,
                serial_number, hardware_id, discovered_by, onvif, http_ports, evidence, identification_status,
                identification_reasons, observed_at) FROM STDIN
            """;

    /**
     * The identity rules, in order (COALESCE stops at the first hit): manufacturer + serial number; else MAC;
     * else a device at the same site and ip whose MAC and serial number do not contradict the observation;
     * else the anonymous device (neither MAC nor serial key) at that site and ip.
     */
    private static final String IDENTITY = """
            COALESCE(
                (SELECT d.id FROM device d
                  WHERE o.serial_number IS NOT NULL AND o.manufacturer IS NOT NULL
                    AND d.serial_number IS NOT NULL AND d.manufacturer IS NOT NULL
                    AND lower(d.manufacturer) = lower(o.manufacturer) AND d.serial_number = o.serial_number),
                (SELECT d.id FROM device d WHERE o.mac IS NOT NULL AND d.mac = o.mac),
                (SELECT d.id FROM device d
                  WHERE d.site = ? AND d.ip = o.ip
                    AND (o.mac IS NULL OR d.mac IS NULL)
                    AND (o.serial_number IS NULL OR d.serial_number IS NULL OR d.serial_number = o.serial_number)
                  ORDER BY d.last_seen DESC, d.id DESC LIMIT 1),
                (SELECT d.id FROM device d
                  WHERE o.mac IS NULL AND (o.serial_number IS NULL OR o.manufacturer IS NULL)
                    AND d.site = ? AND d.ip = o.ip
                    AND d.mac IS NULL AND (d.serial_number IS NULL OR d.manufacturer IS NULL)))
            """;

    private static final String MATCH_ALL =
            "INSERT INTO ingest_match (idx, device_id) SELECT o.idx, " + IDENTITY + " FROM ingest_obs o";

    private static final String MATCH_UNMATCHED = "UPDATE ingest_match m SET device_id = " + IDENTITY
            + " FROM ingest_obs o WHERE o.idx = m.idx AND m.device_id IS NULL";

    private static final String INSERT_NEW = """
            WITH inserted AS (
                INSERT INTO device (site, ip, mac, manufacturer, reported_manufacturer, model, firmware_version,
                    serial_number, hardware_id, discovered_by, onvif, http_ports, evidence, identification_status,
                    identification_reasons, first_seen, last_seen, last_scan_id)
                SELECT ?, o.ip, o.mac, o.manufacturer, o.reported_manufacturer, o.model, o.firmware_version,
                    o.serial_number, o.hardware_id, o.discovered_by, o.onvif, o.http_ports, o.evidence,
                    o.identification_status, o.identification_reasons, o.observed_at, o.observed_at, ?
                FROM ingest_obs o JOIN ingest_match m ON m.idx = o.idx
                WHERE m.device_id IS NULL
                ORDER BY lower(o.manufacturer), o.serial_number, o.mac, o.ip, o.idx
                ON CONFLICT DO NOTHING
                RETURNING id)
            INSERT INTO ingest_created SELECT id FROM inserted
            """;

    private static final String LOCK = """
            SELECT count(*) FROM (
                SELECT d.id FROM device d WHERE d.id IN (SELECT device_id FROM ingest_match)
                ORDER BY d.id FOR UPDATE OF d) locked
            """;

    /**
     * The new state of every observed device, from its latest observation in the batch. A value the
     * observation lacks keeps the stored one; an observation older than the device's last sighting (a
     * spooled scan replayed late) only fills gaps.
     */
    private static final String CHANGES = """
            INSERT INTO ingest_change
            SELECT d.id,
                CASE WHEN n.newer THEN ? ELSE d.site END,
                CASE WHEN n.newer THEN o.ip ELSE d.ip END,
                CASE WHEN n.newer THEN coalesce(o.mac, d.mac) ELSE coalesce(d.mac, o.mac) END,
                CASE WHEN n.newer THEN coalesce(o.manufacturer, d.manufacturer)
                     ELSE coalesce(d.manufacturer, o.manufacturer) END,
                CASE WHEN n.newer THEN coalesce(o.reported_manufacturer, d.reported_manufacturer)
                     ELSE coalesce(d.reported_manufacturer, o.reported_manufacturer) END,
                CASE WHEN n.newer THEN coalesce(o.model, d.model) ELSE coalesce(d.model, o.model) END,
                CASE WHEN n.newer THEN coalesce(o.firmware_version, d.firmware_version)
                     ELSE coalesce(d.firmware_version, o.firmware_version) END,
                CASE WHEN n.newer THEN coalesce(o.serial_number, d.serial_number)
                     ELSE coalesce(d.serial_number, o.serial_number) END,
                CASE WHEN n.newer THEN coalesce(o.hardware_id, d.hardware_id)
                     ELSE coalesce(d.hardware_id, o.hardware_id) END,
                CASE WHEN n.newer AND o.discovered_by <> '[]' THEN o.discovered_by ELSE d.discovered_by END,
                CASE WHEN n.newer THEN coalesce(o.onvif, d.onvif) ELSE coalesce(d.onvif, o.onvif) END,
                CASE WHEN n.newer AND o.http_ports <> '[]' THEN o.http_ports ELSE d.http_ports END,
                CASE WHEN n.newer AND o.evidence <> '[]' THEN o.evidence ELSE d.evidence END,
                CASE WHEN n.newer THEN coalesce(o.identification_status, d.identification_status)
                     ELSE coalesce(d.identification_status, o.identification_status) END,
                CASE WHEN (n.newer AND o.identification_status IS NOT NULL) OR d.identification_status IS NULL
                     THEN o.identification_reasons ELSE d.identification_reasons END,
                CASE WHEN d.status = 'missing' THEN 'active' ELSE d.status END,
                greatest(d.last_seen, o.observed_at),
                CASE WHEN n.newer THEN ? ELSE d.last_scan_id END,
                d.mac, d.serial_number, d.manufacturer
            FROM (SELECT DISTINCT ON (m.device_id) m.device_id, ob.*
                  FROM ingest_match m JOIN ingest_obs ob ON ob.idx = m.idx
                  ORDER BY m.device_id, ob.observed_at DESC, ob.idx DESC) o
            JOIN device d ON d.id = o.device_id
            CROSS JOIN LATERAL (SELECT o.observed_at >= d.last_seen AS newer) n
            """;

    /**
     * A MAC that another device holds, or that two devices of the batch would get, is not moved. The stored
     * values were copied into {@code ingest_change} from the locked rows, so most rows (whose MAC does not
     * move) are passed over without a lookup in {@code device}.
     */
    private static final String KEEP_TAKEN_MAC = """
            UPDATE ingest_change c SET mac = c.stored_mac
            WHERE c.mac IS NOT NULL AND c.mac IS DISTINCT FROM c.stored_mac
              AND (c.mac IN (SELECT y.mac FROM ingest_change y WHERE y.mac IS NOT NULL GROUP BY y.mac HAVING count(*) > 1)
                   OR EXISTS (SELECT 1 FROM device x WHERE x.mac = c.mac AND x.id <> c.id))
            """;

    /** Likewise a manufacturer + serial number pair. */
    private static final String KEEP_TAKEN_SERIAL = """
            UPDATE ingest_change c SET serial_number = c.stored_serial_number, manufacturer = c.stored_manufacturer
            WHERE c.serial_number IS NOT NULL AND c.manufacturer IS NOT NULL
              AND (c.serial_number, lower(c.manufacturer))
                  IS DISTINCT FROM (c.stored_serial_number, lower(c.stored_manufacturer))
              AND ((lower(c.manufacturer), c.serial_number) IN (
                       SELECT lower(y.manufacturer), y.serial_number FROM ingest_change y
                       WHERE y.serial_number IS NOT NULL AND y.manufacturer IS NOT NULL
                       GROUP BY 1, 2 HAVING count(*) > 1)
                   OR EXISTS (SELECT 1 FROM device x WHERE x.id <> c.id
                             AND x.serial_number IS NOT NULL AND x.manufacturer IS NOT NULL
                             AND x.serial_number = c.serial_number AND lower(x.manufacturer) = lower(c.manufacturer)))
            """;

    /** Whether the new state {@code c} of a device differs from its stored state {@code d} in observed facts. */
    private static final String CHANGED = """
            (d.site, d.ip, d.mac, d.manufacturer, d.reported_manufacturer, d.model, d.firmware_version,
             d.serial_number, d.hardware_id, d.discovered_by, d.onvif, d.http_ports, d.evidence,
             d.identification_status, d.identification_reasons, d.status::text)
            IS DISTINCT FROM
            (c.site, c.ip, c.mac, c.manufacturer, c.reported_manufacturer, c.model, c.firmware_version,
             c.serial_number, c.hardware_id, c.discovered_by, c.onvif, c.http_ports, c.evidence,
             c.identification_status, c.identification_reasons, c.status::text)
            """;

    /** What happened to each observation's device; read before {@link #APPLY}, which makes them equal. */
    private static final String RESULTS = "SELECT m.device_id, o.ip, cr.id IS NOT NULL AS created, " + CHANGED + """
             AS changed
            FROM ingest_obs o
            JOIN ingest_match m ON m.idx = o.idx
            JOIN ingest_change c ON c.id = m.device_id
            JOIN device d ON d.id = c.id
            LEFT JOIN ingest_created cr ON cr.id = m.device_id
            ORDER BY o.idx
            """;

    private static final String APPLY = """
            UPDATE device d SET site = c.site, ip = c.ip, mac = c.mac, manufacturer = c.manufacturer,
                reported_manufacturer = c.reported_manufacturer, model = c.model,
                firmware_version = c.firmware_version, serial_number = c.serial_number, hardware_id = c.hardware_id,
                discovered_by = c.discovered_by, onvif = c.onvif, http_ports = c.http_ports, evidence = c.evidence,
                identification_status = c.identification_status, identification_reasons = c.identification_reasons,
                status = c.status, last_seen = c.last_seen, last_scan_id = c.last_scan_id, version = d.version + 1
            FROM ingest_change c
            WHERE d.id = c.id
              AND (d.last_seen IS DISTINCT FROM c.last_seen OR d.last_scan_id IS DISTINCT FROM c.last_scan_id OR
            """ + CHANGED + ")";

    private static final String SIGHTINGS = """
            INSERT INTO sighting (device_id, scan_id, site, ip, mac, manufacturer, reported_manufacturer, model,
                firmware_version, serial_number, hardware_id, discovered_by, onvif, http_ports, evidence,
                identification_status, identification_reasons, observed_at)
            SELECT m.device_id, ?, ?, o.ip, o.mac, o.manufacturer, o.reported_manufacturer, o.model,
                o.firmware_version, o.serial_number, o.hardware_id, o.discovered_by, o.onvif, o.http_ports,
                o.evidence, o.identification_status, o.identification_reasons, o.observed_at
            FROM ingest_obs o JOIN ingest_match m ON m.idx = o.idx ORDER BY o.idx
            """;


    /**
     * Active devices of the site that its last N complete scans covering their address did not see: scans
     * after the one that last saw the device, with a {@code finishedAt} (a scan that ended early says
     * nothing), whose target ranges hold the device's address (a scan of other subnets says nothing). An
     * empty scan of a covered subnet counts.
     */
    private static final String MARK_MISSING = """
            UPDATE device d SET status = 'missing', version = d.version + 1
            WHERE d.site = ? AND d.status = 'active'
              AND (SELECT count(*) FROM (
                    SELECT 1 FROM scan s, scan l
                    WHERE l.scan_id = d.last_scan_id AND s.site = d.site AND s.finished_at IS NOT NULL
                      AND (s.started_at, s.seq) > (l.started_at, l.seq)
                      AND EXISTS (SELECT 1 FROM scan_target t WHERE t.scan_id = s.scan_id
                                  AND device_address(d.ip) BETWEEN t.low AND t.high)
                    LIMIT ?) misses) >= ?
            """;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final InventoryConfig config;
    private final MeterRegistry meters;
    private final Timer ingestTimer;

    IngestService(AgroalDataSource dataSource, ObjectMapper json, InventoryConfig config, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
        this.meters = meters;
        this.ingestTimer = Timer.builder("camaudit.inventory.ingest")
                .description("Time to record one batch of observations").register(meters);
    }

    /**
     * Records the batch, or returns the stored answer when its {@code scanId} was recorded before.
     *
     * @throws SQLException when the database cannot be reached or rejects the batch (nothing is stored)
     */
    public IngestResult ingest(ObservationBatch batch) throws SQLException {
        if (batch.observations().size() > config.maxObservations()) {
            throw new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Too many observations",
                    "A request may carry at most " + config.maxObservations() + " observations; this one has "
                            + batch.observations().size() + ". Split the scan into several requests.");
        }
        Staged staged = stage(batch);
        Timer.Sample sample = Timer.start(meters);
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    IngestResult result = QuarkusTransaction.requiringNew().call(() -> ingestOnce(batch, staged));
                    count(result);
                    return result;
                } catch (RuntimeException e) {
                    SQLException sql = sqlCause(e).orElseThrow(() -> e);
                    if (!retryable(sql) || attempt >= config.ingestAttempts()) {
                        throw sql;
                    }
                    Log.debugf("scan %s collided with a concurrent scan (%s), attempt %d", batch.scanId(),
                            sql.getSQLState(), attempt);
                }
            }
        } finally {
            sample.stop(ingestTimer);
        }
    }

    private IngestResult ingestOnce(ObservationBatch batch, Staged staged)
            throws SQLException, JsonProcessingException, IOException {
        try (Connection c = dataSource.getConnection()) {
            if (insertScan(c, batch, staged)) {
                insertTargets(c, batch);
            } else {
                requireSameSite(c, batch);
            }
            if (!insertPart(c, batch.scanId(), staged.digest())) {
                return storedResult(c, batch.scanId(), staged.digest());
            }
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL work_mem = '64MB'");
                st.execute(STAGE_TABLES);
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(STAGE, new ByteArrayInputStream(staged.copy()));
            match(c, MATCH_ALL, batch.site());
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE ingest_match");
            }
            try (PreparedStatement ps = c.prepareStatement(INSERT_NEW)) {
                ps.setString(1, batch.site());
                ps.setString(2, batch.scanId());
                if (ps.executeUpdate() > 0) {
                    match(c, MATCH_UNMATCHED, batch.site());
                }
            }
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT count(*) FROM ingest_match WHERE device_id IS NULL")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    throw new SQLException("observations left without a device after insert", "40001");
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("ANALYZE ingest_match");
                st.executeQuery(LOCK).close();
            }
            try (PreparedStatement ps = c.prepareStatement(CHANGES)) {
                ps.setString(1, batch.site());
                ps.setString(2, batch.scanId());
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement()) {
                st.executeUpdate(KEEP_TAKEN_MAC);
                st.executeUpdate(KEEP_TAKEN_SERIAL);
            }
            IngestResult result = results(c, batch.scanId());
            try (Statement st = c.createStatement()) {
                st.executeUpdate(APPLY);
            }
            try (PreparedStatement ps = c.prepareStatement(SIGHTINGS)) {
                ps.setString(1, batch.scanId());
                ps.setString(2, batch.site());
                ps.executeUpdate();
            }
            markMissing(c, batch.site());
            try (PreparedStatement ps = c.prepareStatement("UPDATE scan SET received = received + ?, "
                    + "created = created + ?, updated = updated + ?, unchanged = unchanged + ? WHERE scan_id = ?")) {
                ps.setInt(1, result.received());
                ps.setInt(2, result.created());
                ps.setInt(3, result.updated());
                ps.setInt(4, result.unchanged());
                ps.setString(5, batch.scanId());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE scan_part SET response = ?::jsonb WHERE scan_id = ? AND digest = ?")) {
                ps.setString(1, json.writeValueAsString(result));
                ps.setString(2, batch.scanId());
                ps.setString(3, staged.digest());
                ps.executeUpdate();
            }
            return result;
        }
    }

    /**
     * Inserts the scan row unless a scan with this id exists (waiting for a concurrent insert to end).
     *
     * @return whether this request brought the scan's first part
     */
    private boolean insertScan(Connection c, ObservationBatch batch, Staged staged) throws SQLException, JsonProcessingException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO scan (scan_id, site, scanner_host, scanner_version, started_at, finished_at, targets)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (scan_id) DO NOTHING""")) {
            ps.setString(1, batch.scanId());
            ps.setString(2, batch.site());
            ps.setString(3, batch.scanner() == null ? null : trimToNull(batch.scanner().host()));
            ps.setString(4, batch.scanner() == null ? null : trimToNull(batch.scanner().version()));
            ps.setObject(5, staged.startedAt);
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
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO scan_target (scan_id, low, high) VALUES (?, ?::inet, ?::inet)")) {
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
        try (PreparedStatement ps = c.prepareStatement("SELECT site FROM scan WHERE scan_id = ?")) {
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

    /** Inserts the part; false when this part of the scan was recorded before (or by a concurrent request). */
    private static boolean insertPart(Connection c, String scanId, String digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO scan_part (scan_id, digest) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, scanId);
            ps.setString(2, digest);
            return ps.executeUpdate() == 1;
        }
    }

    private IngestResult storedResult(Connection c, String scanId, String digest)
            throws SQLException, JsonProcessingException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT response::text FROM scan_part WHERE scan_id = ? AND digest = ?")) {
            ps.setString(1, scanId);
            ps.setString(2, digest);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return json.readValue(rs.getString(1), IngestResult.class);
            }
        }
    }

    private static void match(Connection c, String sql, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, site);
            ps.setString(2, site);
            ps.executeUpdate();
        }
    }

    private IngestResult results(Connection c, String scanId) throws SQLException {
        List<IngestResult.DeviceResult> devices = new ArrayList<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(RESULTS)) {
            while (rs.next()) {
                String result;
                if (rs.getBoolean(3)) {
                    result = "created";
                    created++;
                } else if (rs.getBoolean(4)) {
                    result = "updated";
                    updated++;
                } else {
                    result = "unchanged";
                    unchanged++;
                }
                devices.add(new IngestResult.DeviceResult(rs.getLong(1), rs.getString(2), result));
            }
        }
        return new IngestResult(scanId, devices.size(), created, updated, unchanged, devices);
    }

    private void markMissing(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MARK_MISSING)) {
            ps.setString(1, site);
            ps.setInt(2, config.missingAfterScans());
            ps.setInt(3, config.missingAfterScans());
            ps.executeUpdate();
        }
    }

    private void count(IngestResult result) {
        meters.counter("camaudit.inventory.observations", "result", "created").increment(result.created());
        meters.counter("camaudit.inventory.observations", "result", "updated").increment(result.updated());
        meters.counter("camaudit.inventory.observations", "result", "unchanged").increment(result.unchanged());
    }

    /** The batch as columns and as COPY rows, normalised (MAC lower-case, blanks to null). */
    private Staged stage(ObservationBatch batch) {
        List<Observation> obs = batch.observations();
        int n = obs.size();
        Instant fallback = batch.finishedAt() != null ? batch.finishedAt().toInstant()
                : batch.startedAt() != null ? batch.startedAt().toInstant() : Instant.now();
        String[][] columns = new String[OBSERVED_AT_COLUMN + 1][n];
        try {
            for (int i = 0; i < n; i++) {
                Observation o = obs.get(i);
                columns[0][i] = o.ip().trim().toLowerCase(Locale.ROOT);
                columns[1][i] = normaliseMac(o.mac());
                columns[2][i] = trimToNull(o.manufacturer());
                columns[3][i] = trimToNull(o.reportedManufacturer());
                columns[4][i] = trimToNull(o.model());
                columns[5][i] = trimToNull(o.firmwareVersion());
                columns[6][i] = trimToNull(o.serialNumber());
                columns[7][i] = trimToNull(o.hardwareId());
                columns[8][i] = json.writeValueAsString(o.discoveredBy() == null ? List.of() : o.discoveredBy());
                columns[9][i] = o.onvif() == null ? null : json.writeValueAsString(o.onvif());
                columns[10][i] = json.writeValueAsString(o.httpPorts() == null ? List.of() : o.httpPorts());
                columns[11][i] = json.writeValueAsString(o.evidence() == null ? List.of() : o.evidence());
                Observation.Identification identification = o.identification();
                columns[12][i] = identification == null ? null : identification.status();
                columns[13][i] = json.writeValueAsString(identification == null || identification.reasons() == null
                        ? List.of() : identification.reasons().stream().map(String::strip).toList());
                columns[OBSERVED_AT_COLUMN][i] = (o.observedAt() == null ? fallback : o.observedAt().toInstant()).toString();
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an observation", e);
        }
        OffsetDateTime startedAt = batch.startedAt() != null ? batch.startedAt()
                : batch.finishedAt() != null ? batch.finishedAt() : OffsetDateTime.now();
        return new Staged(copyText(columns, n), startedAt, digest(columns, obs));
    }

    /** COPY text format: one line per observation, its index first, tab-separated, {@code \N} for null. */
    private static byte[] copyText(String[][] columns, int n) {
        StringBuilder rows = new StringBuilder(n * 512);
        for (int i = 0; i < n; i++) {
            rows.append(i);
            for (String[] column : columns) {
                rows.append('\t');
                appendCopyValue(rows, column[i]);
            }
            rows.append('\n');
        }
        return rows.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A value escaped for COPY text: backslash, tab, newline and carriage return are written as escapes. */
    static void appendCopyValue(StringBuilder rows, String value) {
        if (value == null) {
            rows.append("\\N");
            return;
        }
        int plain = 0;
        while (plain < value.length() && !needsEscape(value.charAt(plain))) {
            plain++;
        }
        if (plain == value.length()) {
            rows.append(value);
            return;
        }
        rows.append(value, 0, plain);
        for (int k = plain; k < value.length(); k++) {
            char ch = value.charAt(k);
            switch (ch) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(ch);
            }
        }
    }

    private static boolean needsEscape(char ch) {
        return ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r';
    }

    /**
     * SHA-256 over the normalised observations: the identity of one part of a scan. The observation time
     * counts only when the scanner gave it (the fallback for a missing one is the time of arrival).
     */
    private static String digest(String[][] columns, List<Observation> observations) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            boolean identified = observations.stream().anyMatch(o -> o.identification() != null);
            for (int col = 0; col < OBSERVED_AT_COLUMN; col++) {
                if (col >= FIRST_IDENTIFICATION_COLUMN && !identified) {
                    continue;
                }
                for (String value : columns[col]) {
                    update(sha, value);
                }
                sha.update((byte) 2);
            }
            for (Observation o : observations) {
                update(sha, o.observedAt() == null ? null : o.observedAt().toInstant().toString());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest sha, String value) {
        sha.update(value == null ? new byte[] {0} : (value + (char) 1).getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case, colon-separated; the all-zero and broadcast addresses identify nothing. */
    static String normaliseMac(String mac) {
        if (mac == null || mac.isBlank()) {
            return null;
        }
        String m = mac.trim().toLowerCase(Locale.ROOT).replace('-', ':');
        return m.equals("00:00:00:00:00:00") || m.equals("ff:ff:ff:ff:ff:ff") ? null : m;
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static Optional<SQLException> sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** Deadlock, serialization failure, or a unique key taken by a concurrent scan between match and insert. */
    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "40P01".equals(state) || "40001".equals(state) || "23505".equals(state);
    }

    private record Staged(byte[] copy, OffsetDateTime startedAt, String digest) {
    }
}
