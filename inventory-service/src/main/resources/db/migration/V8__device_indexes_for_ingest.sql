-- Every new device pays for each index of the table. (site, status) served the per-site lists and counts,
-- which the (site, ip) index serves as well by its leading column.
DROP INDEX device_site_status;
