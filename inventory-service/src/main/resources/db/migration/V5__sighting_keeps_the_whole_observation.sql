-- Every observation is kept as a sighting with all it said, so what a device looked like at each scan
-- (its serial, its evidence, its ONVIF endpoints) stays readable after later scans change the device.
ALTER TABLE sighting
    ADD COLUMN reported_manufacturer varchar(255),
    ADD COLUMN serial_number         varchar(255),
    ADD COLUMN hardware_id           varchar(255),
    ADD COLUMN onvif                 jsonb,
    ADD COLUMN http_ports            jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN evidence              jsonb NOT NULL DEFAULT '[]';
