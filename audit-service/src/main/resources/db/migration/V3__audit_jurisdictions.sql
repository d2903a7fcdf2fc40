-- Bases of a site's jurisdictions that take effect after the audit date, kept apart from the bases in force.
alter table finding add column upcoming_basis jsonb not null default '[]';

-- The jurisdictions each site is audited under; a site without a row uses camaudit.audit.default-jurisdictions.
create table site_jurisdiction (
    site           varchar(200)  primary key,
    jurisdictions  jsonb         not null,
    updated_at     timestamptz   not null,
    updated_by     varchar(100)  not null
);
