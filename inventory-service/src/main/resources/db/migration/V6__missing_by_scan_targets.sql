-- A device becomes missing only after complete scans whose targets cover its address. Each scan's targets
-- are kept as address ranges (a CIDR block, a range or one address each; targets that name no addresses,
-- such as a file, cover nothing), so coverage is a range test in SQL.
CREATE TABLE scan_target (
    scan_id  varchar(64) NOT NULL REFERENCES scan (scan_id) ON DELETE CASCADE,
    low      inet        NOT NULL,
    high     inet        NOT NULL
);
CREATE INDEX scan_target_scan ON scan_target (scan_id);

-- The address of a device's ip, or null where the text is no address PostgreSQL can read (never an error,
-- so one bad row cannot stop the ingest of its site).
CREATE FUNCTION device_address(ip text) RETURNS inet LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN ip ~ '^((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$'
            THEN ip::inet
        WHEN ip ~* '^(([0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|([0-9a-f]{1,4}:){1,7}:|([0-9a-f]{1,4}:){1,6}:[0-9a-f]{1,4}|([0-9a-f]{1,4}:){1,5}(:[0-9a-f]{1,4}){1,2}|([0-9a-f]{1,4}:){1,4}(:[0-9a-f]{1,4}){1,3}|([0-9a-f]{1,4}:){1,3}(:[0-9a-f]{1,4}){1,4}|([0-9a-f]{1,4}:){1,2}(:[0-9a-f]{1,4}){1,5}|[0-9a-f]{1,4}:(:[0-9a-f]{1,4}){1,6}|:((:[0-9a-f]{1,4}){1,7}|:))$'
            THEN ip::inet
    END
$$;

-- Scans before this migration have no target ranges: their targets were not checked when stored. They
-- cover nothing, so the rule starts counting with the next scans.
