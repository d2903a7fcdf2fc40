-- A scan larger than one request (10,000 observations) arrives as several requests with the same scanId.
-- Each distinct request body is a part of its scan, identified by a digest of its observations: the same
-- part again changes nothing and gets its stored answer, another part of the scan is recorded. The scan's
-- counts are the sums over its parts.
CREATE TABLE scan_part (
    scan_id      varchar(64) NOT NULL REFERENCES scan (scan_id),
    digest       char(64)    NOT NULL,
    received_at  timestamptz NOT NULL DEFAULT now(),
    response     jsonb,
    PRIMARY KEY (scan_id, digest)
);

INSERT INTO scan_part (scan_id, digest, received_at, response)
SELECT scan_id, repeat('0', 64), received_at, response FROM scan WHERE response IS NOT NULL;

ALTER TABLE scan DROP COLUMN response;
