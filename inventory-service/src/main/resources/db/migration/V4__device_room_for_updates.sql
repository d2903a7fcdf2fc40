-- Every ingest rewrites last_seen/last_scan_id of each device it saw. With 80% fill only about a quarter of
-- those rewrites found room in their page for a heap-only (HOT) update; the rest inserted a new entry into
-- each of the device indexes. Half-full pages leave room for a new version of every row. Pages written
-- before this migration keep their fill until the table is rewritten (VACUUM FULL).
ALTER TABLE device SET (fillfactor = 50);
