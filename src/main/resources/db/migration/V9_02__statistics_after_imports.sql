-- Issue 16: the application's role (cq_app) does not own the tables and so may not ANALYZE them. Right after a bulk
-- import the planner then has no statistics, and under the bureau policy (bureau_id = (select cq_bureau()), a value it
-- cannot know when planning) it assumes 0.5 % of a table's rows where all are the bureau's: measured on the demo
-- county, /recording/compliance took 219 s (a nested loop running the gap union 1,500 times) instead of 0.1 s. An
-- import ends by refreshing the statistics of the tables it wrote, through this function with the owner's rights
-- (ANALYZE only samples rows and updates pg_statistic; it changes no data).
create function cq_analyze(target regclass) returns void language plpgsql security definer
    set search_path = pg_catalog, public as $$
begin
    execute format('analyze %s', target);
end
$$;
