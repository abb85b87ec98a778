-- PostgreSQL only (spring.flyway.locations: db/vendor/{vendor}): whoever runs the statement — the application, the
-- owner, an administrator — cannot delete an audit entry younger than audit_retention.min_days days, nor empty the
-- table with TRUNCATE. Only a superuser or the owner disabling the trigger gets round it (that is outside the
-- application; the hash chain still shows the gap).
create or replace function audit_log_retention_guard() returns trigger language plpgsql as $$
declare
    days int;
begin
    if tg_op = 'TRUNCATE' then
        raise exception '审计日志不能整表清空（TRUNCATE），只能删除超过保存期限的记录';
    end if;
    select min_days into days from audit_retention where id = 1;
    if old.occurred_at > localtimestamp - make_interval(days => coalesce(days, 180)) then
        raise exception '审计日志记录 % 未满保存期限（% 天），不能删除', old.id, coalesce(days, 180);
    end if;
    return old;
end
$$;

create trigger audit_log_retention_row before delete on audit_log
    for each row execute function audit_log_retention_guard();
create trigger audit_log_retention_truncate before truncate on audit_log
    for each statement execute function audit_log_retention_guard();
