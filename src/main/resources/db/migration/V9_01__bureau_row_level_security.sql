-- Issue 16, item 2: isolation that holds even if a query forgets it. On every table that has bureau_id (9.00), a
-- policy lets a statement see and write only the rows of the request's bureau (cq_bureau(): the connection's
-- cq.bureau, or the installation's only bureau). The application connects as a role that is neither superuser nor
-- owner nor BYPASSRLS (database.ApplicationRole), so the policies bind it; the migrations run as the owner.
-- (select cq_bureau()) is evaluated once per statement (an InitPlan), not once per row, and can drive an index.
do $$
declare
    t text;
begin
    for t in
        select c.table_name from information_schema.columns c
        join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name
        where c.table_schema = current_schema() and c.column_name = 'bureau_id' and tb.table_type = 'BASE TABLE'
        order by 1
    loop
        execute format('alter table %I enable row level security', t);
        if t = 'calendar_day' then
            -- the province's days (bureau_id null) are read by every bureau, written by none through the application
            execute format('create policy bureau_read on %I for select using (bureau_id is null or bureau_id = (select cq_bureau()))', t);
            execute format('create policy bureau_insert on %I for insert with check (bureau_id = (select cq_bureau()))', t);
            execute format('create policy bureau_update on %I for update using (bureau_id = (select cq_bureau())) with check (bureau_id = (select cq_bureau()))', t);
            execute format('create policy bureau_delete on %I for delete using (bureau_id = (select cq_bureau()))', t);
        else
            execute format('create policy bureau_only on %I using (bureau_id = (select cq_bureau())) with check (bureau_id = (select cq_bureau()))', t);
        end if;
    end loop;
end
$$;

-- Signing in: the account's bureau before any bureau is known (usernames are unique in the installation). Runs with
-- the owner's rights, so it reads app_user past the policy, and answers nothing but the bureau's id.
create function cq_account_bureau(account varchar) returns bigint language sql stable security definer
    set search_path = pg_catalog, public as $$
    select bureau_id from app_user where username = account
$$;
