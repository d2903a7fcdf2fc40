-- Runs once, when the PostgreSQL volume is first initialised: audit-service's own database.
CREATE DATABASE audit OWNER camaudit;
