-- The audit log page filters by action and lists the distinct actions (audit/internal/AuditSearch).
create index audit_log_action_idx on audit_log (action);
