-- Sightings are read by device (sighting_device serves a device's pages) and never by scan: no query filters
-- them by scan_id, and scans are not deleted. The index on scan_id only cost every ingest an index entry per
-- observation.
DROP INDEX sighting_scan;
