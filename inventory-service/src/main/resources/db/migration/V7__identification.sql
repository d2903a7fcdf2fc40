-- How far the scanner identified a device (complete, partial, unidentified) and why, as each observation
-- said it: the device keeps its latest observation's, every sighting its own. Null where the scanner said
-- nothing (scanners before identification was reported).
ALTER TABLE device
    ADD COLUMN identification_status  varchar(16)
        CHECK (identification_status IN ('complete', 'partial', 'unidentified')),
    ADD COLUMN identification_reasons jsonb NOT NULL DEFAULT '[]';
ALTER TABLE sighting
    ADD COLUMN identification_status  varchar(16),
    ADD COLUMN identification_reasons jsonb NOT NULL DEFAULT '[]';
