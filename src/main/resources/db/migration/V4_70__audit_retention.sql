-- Audit log retention (等保 2.0 安全审计 c; 网络安全法 第二十一条: network logs kept at least six months). The
-- application never deletes entries. min_days (cq.audit.retention-days, written at start-up) is the age below which
-- nobody may delete an entry: the CHECK keeps it at 180 days or more, and on PostgreSQL a trigger refuses the delete
-- (db/vendor/postgresql). archived_through is the last id a database administrator archived and deleted after that
-- age (SECURITY.md): the hash chain is verified from the row after it.
create table audit_retention (
    id               int primary key,
    min_days         int    not null,
    archived_through bigint not null default 0,
    constraint audit_retention_one_row check (id = 1),
    constraint audit_retention_at_least_180_days check (min_days >= 180)
);
insert into audit_retention (id, min_days, archived_through) values (1, 180, 0);
