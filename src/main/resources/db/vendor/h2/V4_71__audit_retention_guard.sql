-- H2 (the embedded database): H2 triggers are Java classes outside this application's dependencies, so H2 has no
-- retention trigger; the application's code only appends (AuditLogIsAppendOnlyTests). Use PostgreSQL where the
-- database itself must refuse deletions (SECURITY.md).
comment on table audit_retention is '审计日志保存期限（天，至少 180）；H2 上由应用保证只追加';
