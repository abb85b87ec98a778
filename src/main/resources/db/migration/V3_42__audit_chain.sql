-- Tamper evidence for the audit log (等保 2.0 安全审计, ASVS 16): each row carries the SHA-256 of its content and the
-- previous row's hash (audit/internal/AuditChain). audit_chain holds the head of the chain in one row; writers lock it
-- (select ... for update), so rows join the chain one transaction at a time. Rows written before this migration
-- (id <= unchained_before) are outside the chain.
alter table audit_log add column prev_hash varchar(64);
alter table audit_log add column row_hash varchar(64);

create table audit_chain (
    id                int primary key,
    last_id           bigint,
    last_hash         varchar(64),
    unchained_before  bigint not null
);
insert into audit_chain (id, last_id, last_hash, unchained_before)
select 1, null, null, coalesce(max(id), 0) from audit_log;
