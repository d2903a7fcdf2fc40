package org.camaudit.inventory.service.ingest;

/**
 * The SQL of the ingest, in the order the transaction runs it ({@link IngestTransaction}). Observations are
 * staged in {@code ingest_obs} (one {@code COPY}), matched to devices in {@code ingest_match}, new devices
 * inserted, and the new state of every observed device computed in {@code ingest_change} before one
 * {@code UPDATE} writes it; {@code ?} parameters are named where the statement is run.
 */
final class IngestSql {

    static final String STAGE_TABLES = "CREATE TEMP TABLE ingest_obs (idx int PRIMARY KEY"
            + ObservationStager.columnDefinitions() + ") ON COMMIT DROP;\n" + """
            CREATE TEMP TABLE ingest_match (idx int PRIMARY KEY, device_id bigint, created boolean NOT NULL DEFAULT false)
                ON COMMIT DROP;
            CREATE TEMP TABLE ingest_created (id bigint PRIMARY KEY) ON COMMIT DROP;
            CREATE TEMP TABLE ingest_change ON COMMIT DROP AS
                SELECT id, site, ip, mac, manufacturer, reported_manufacturer, model, firmware_version, serial_number,
                    hardware_id, discovered_by, onvif, http_ports, evidence, identification_status,
                    identification_reasons, status, last_seen, last_scan_id,
                    mac AS stored_mac, serial_number AS stored_serial_number, manufacturer AS stored_manufacturer
                FROM device WITH NO DATA
            """;

    /**
     * The identity rules, in order (COALESCE stops at the first hit): manufacturer + serial number; else MAC;
     * else a device at the same site and ip whose MAC and serial number do not contradict the observation;
     * else the anonymous device (neither MAC nor serial key) at that site and ip.
     */
    static final String IDENTITY = """
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

    /**
     * Every observation's device; one that matches none gets the id its new device will have (from the
     * device id sequence), so the insert needs no second match to learn which observation made which
     * device. {@code OFFSET 0} keeps the identity rules evaluated once per observation.
     */
    static final String MATCH_ALL = "INSERT INTO ingest_match (idx, device_id, created)"
            + " SELECT x.idx, coalesce(x.id, nextval('device_id_seq')), x.id IS NULL"
            + " FROM (SELECT o.idx, " + IDENTITY + " AS id FROM ingest_obs o OFFSET 0) x";

    static final String MATCH_UNMATCHED = "UPDATE ingest_match m SET device_id = " + IDENTITY
            + " FROM ingest_obs o WHERE o.idx = m.idx AND m.device_id IS NULL";

    /**
     * The new devices, in key order (so concurrent scans take the identity keys in the same order). This one
     * fails with a unique violation when a key is taken, by another observation of the batch or a concurrent
     * scan: it runs under a savepoint, and the batch then takes the way of {@link #INSERT_NEW_SKIPPING_TAKEN}.
     * A plain insert costs PostgreSQL about a fifth less than {@code ON CONFLICT}'s speculative insertion.
     */
    static final String INSERT_NEW = "INSERT INTO device (id, site, ip, mac, manufacturer, reported_manufacturer,"
            + " model, firmware_version, serial_number, hardware_id, discovered_by, onvif, http_ports, evidence,"
            + " identification_status, identification_reasons, first_seen, last_seen, last_scan_id) " + """
            SELECT m.device_id, ?, o.ip, o.mac, o.manufacturer, o.reported_manufacturer, o.model,
                o.firmware_version, o.serial_number, o.hardware_id, o.discovered_by, o.onvif, o.http_ports,
                o.evidence, o.identification_status, o.identification_reasons, o.observed_at, o.observed_at, ?
            FROM ingest_obs o JOIN ingest_match m ON m.idx = o.idx
            WHERE m.created
            ORDER BY lower(o.manufacturer), o.serial_number, o.mac, o.ip, o.idx
            """;

    /** The new devices whose keys are free; those whose insert did nothing are matched again. */
    static final String INSERT_NEW_SKIPPING_TAKEN = "WITH inserted AS (" + INSERT_NEW
            + " ON CONFLICT DO NOTHING RETURNING id) INSERT INTO ingest_created SELECT id FROM inserted";

    static final String SAVEPOINT = "SAVEPOINT new_devices";

    static final String RELEASE_SAVEPOINT = "RELEASE SAVEPOINT new_devices";

    static final String ROLLBACK_TO_SAVEPOINT = "ROLLBACK TO SAVEPOINT new_devices";

    /**
     * Observations whose insert did nothing (another observation of the batch, or a concurrent scan, holds
     * the key) lose their id and are matched again.
     */
    static final String UNASSIGN_NOT_CREATED = """
            UPDATE ingest_match m SET device_id = NULL, created = false
            WHERE m.created AND NOT EXISTS (SELECT 1 FROM ingest_created cr WHERE cr.id = m.device_id)
            """;

    /** The devices that existed before this transaction, locked in id order (new ones are only ours). */
    static final String LOCK = """
            SELECT count(*) FROM (
                SELECT d.id FROM device d WHERE d.id IN (SELECT device_id FROM ingest_match WHERE NOT created)
                ORDER BY d.id FOR UPDATE OF d) locked
            """;

    /**
     * The new state of every observed device, from its latest observation in the batch. A value the
     * observation lacks keeps the stored one; an observation older than the device's last sighting (a
     * spooled scan replayed late) only fills gaps. A device this batch created from its only observation
     * already holds that observation and is left out.
     */
    static final String CHANGES = """
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
                  WHERE NOT m.created OR m.device_id IN (
                      SELECT x.device_id FROM ingest_match x GROUP BY x.device_id HAVING count(*) > 1)
                  ORDER BY m.device_id, ob.observed_at DESC, ob.idx DESC) o
            JOIN device d ON d.id = o.device_id
            CROSS JOIN LATERAL (SELECT o.observed_at >= d.last_seen AS newer) n
            """;

    /**
     * A MAC that another device holds, or that two devices of the batch would get, is not moved. The stored
     * values were copied into {@code ingest_change} from the locked rows, so most rows (whose MAC does not
     * move) are passed over without a lookup in {@code device}.
     */
    static final String KEEP_TAKEN_MAC = """
            UPDATE ingest_change c SET mac = c.stored_mac
            WHERE c.mac IS NOT NULL AND c.mac IS DISTINCT FROM c.stored_mac
              AND (c.mac IN (SELECT y.mac FROM ingest_change y WHERE y.mac IS NOT NULL GROUP BY y.mac HAVING count(*) > 1)
                   OR EXISTS (SELECT 1 FROM device x WHERE x.mac = c.mac AND x.id <> c.id))
            """;

    /** Likewise a manufacturer + serial number pair. */
    static final String KEEP_TAKEN_SERIAL = """
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
    static final String CHANGED = """
            (d.site, d.ip, d.mac, d.manufacturer, d.reported_manufacturer, d.model, d.firmware_version,
             d.serial_number, d.hardware_id, d.discovered_by, d.onvif, d.http_ports, d.evidence,
             d.identification_status, d.identification_reasons, d.status::text)
            IS DISTINCT FROM
            (c.site, c.ip, c.mac, c.manufacturer, c.reported_manufacturer, c.model, c.firmware_version,
             c.serial_number, c.hardware_id, c.discovered_by, c.onvif, c.http_ports, c.evidence,
             c.identification_status, c.identification_reasons, c.status::text)
            """;

    /**
     * What happened to each observation's device; read before {@link #APPLY}, which makes them equal. A device
     * is created when this batch inserted it: the rows of {@code ingest_match} still marked created name exactly
     * those devices (an observation whose insert did nothing was unmarked and matched again).
     */
    static final String RESULTS = "SELECT m.device_id, o.ip, cr.device_id IS NOT NULL AS created, c.id IS NOT NULL AND "
            + CHANGED + """
             AS changed
            FROM ingest_obs o
            JOIN ingest_match m ON m.idx = o.idx
            LEFT JOIN ingest_change c ON c.id = m.device_id
            LEFT JOIN device d ON d.id = c.id
            LEFT JOIN (SELECT DISTINCT device_id FROM ingest_match WHERE created) cr ON cr.device_id = m.device_id
            ORDER BY o.idx
            """;

    static final String APPLY = """
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

    static final String SIGHTINGS = """
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
    static final String MARK_MISSING = """
            UPDATE device d SET status = 'missing', version = d.version + 1
            WHERE d.site = ? AND d.status = 'active' AND d.last_scan_id <> ?
              AND (SELECT count(*) FROM (
                    SELECT 1 FROM scan s, scan l
                    WHERE l.scan_id = d.last_scan_id AND s.site = d.site AND s.finished_at IS NOT NULL
                      AND (s.started_at, s.seq) > (l.started_at, l.seq)
                      AND EXISTS (SELECT 1 FROM scan_target t WHERE t.scan_id = s.scan_id
                                  AND device_address(d.ip) BETWEEN t.low AND t.high)
                    LIMIT ?) misses) >= ?
            """;

    static final String WORK_MEM = "SET LOCAL work_mem = '64MB'";

    static final String ANALYZE_MATCH = "ANALYZE ingest_match";

    static final String UNMATCHED = "SELECT count(*) FROM ingest_match WHERE device_id IS NULL";

    static final String INSERT_SCAN = """
            INSERT INTO scan (scan_id, site, scanner_host, scanner_version, started_at, finished_at, targets)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb) ON CONFLICT (scan_id) DO NOTHING""";

    static final String INSERT_TARGET = "INSERT INTO scan_target (scan_id, low, high) VALUES (?, ?::inet, ?::inet)";

    static final String SCAN_SITE = "SELECT site FROM scan WHERE scan_id = ?";

    static final String INSERT_PART = "INSERT INTO scan_part (scan_id, digest) VALUES (?, ?) ON CONFLICT DO NOTHING";

    static final String PART_RESPONSE = "SELECT response::text FROM scan_part WHERE scan_id = ? AND digest = ?";

    static final String ADD_COUNTS = """
            UPDATE scan SET received = received + ?, created = created + ?, updated = updated + ?,
                unchanged = unchanged + ?
            WHERE scan_id = ?""";

    static final String STORE_RESPONSE = "UPDATE scan_part SET response = ?::jsonb WHERE scan_id = ? AND digest = ?";

    private IngestSql() {
    }
}
