-- Policy versions: every PUT /api/v1/policy adds one; audits name the version they used.
create table policy_version (
    version     integer primary key,
    document    text         not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null
);

-- Cost table versions: every PUT /api/v1/cost-table adds one; the plan uses the newest.
create table cost_table_version (
    version     integer primary key,
    document    text         not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null
);

create sequence audit_seq start with 1 increment by 1;

create table audit (
    id                 bigint       primary key,
    policy_version     integer      not null references policy_version (version),
    started_by         varchar(100) not null,
    started_at         timestamptz  not null,
    finished_at        timestamptz  not null,
    devices_evaluated  integer      not null,
    flagged            integer      not null,
    by_vendor          jsonb        not null,
    opened             integer      not null,
    reopened           integer      not null,
    closed             integer      not null,
    replaced           integer      not null,
    duration_ms        bigint       not null,
    inventory_read_ms  bigint       not null,
    evaluation_ms      bigint       not null,
    store_ms           bigint       not null
);

create sequence finding_seq start with 1 increment by 50;

-- One finding per device and restricted vendor, kept across audits so decisions survive.
create table finding (
    id                     bigint        primary key,
    device_id              varchar(100)  not null,
    vendor                 varchar(64)   not null,
    site                   varchar(200),
    ip                     varchar(64),
    location               varchar(500),
    model                  varchar(200),
    reported_manufacturer  varchar(200),
    category               varchar(16)   not null,
    confidence             varchar(16)   not null,
    matched_by             jsonb         not null,
    basis                  jsonb         not null,
    status                 varchar(32)   not null,
    note                   varchar(2000),
    decided_by             varchar(100),
    decided_at             timestamptz,
    closed_reason          varchar(500),
    policy_version         integer       not null,
    first_audit_id         bigint        not null references audit (id),
    last_audit_id          bigint        not null references audit (id),
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    constraint finding_device_vendor unique (device_id, vendor)
);
create index finding_site on finding (site);
create index finding_status on finding (status);
create index finding_vendor on finding (vendor);

create sequence finding_event_seq start with 1 increment by 50;

-- Every change of a finding's status or note: who, when, from what to what.
create table finding_event (
    id           bigint       primary key,
    finding_id   bigint       not null references finding (id),
    at           timestamptz  not null,
    actor        varchar(100) not null,
    from_status  varchar(32),
    to_status    varchar(32)  not null,
    note         varchar(2000),
    reason       varchar(500),
    audit_id     bigint       references audit (id)
);
create index finding_event_finding on finding_event (finding_id);
