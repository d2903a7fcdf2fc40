-- CPU time the evaluation used: on a busy machine wall-clock evaluation time also counts waiting for a core.
alter table audit add column evaluation_cpu_ms bigint not null default 0;
