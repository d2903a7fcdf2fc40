-- When the device was made (from its serial or firmware) and where that was read; null when unknown.
alter table finding add column device_date varchar(10);
alter table finding add column device_date_source varchar(500);
