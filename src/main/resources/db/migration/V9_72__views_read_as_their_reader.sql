-- Issue 16 item 2: a view reads its tables with its owner's rights, and the owner is not bound by row-level security.
-- So unit_rollout and case_squad_reviewer showed every bureau's rows to a query that read them alone (as the
-- application's role in bureau A, unit_rollout listed the province's 1,300 units). As the invoker's, a view's tables
-- apply the reader's policies like any other query (PostgreSQL 15). BureauIsolationTests checks every view.
alter view unit_rollout set (security_invoker = true);
alter view case_squad_reviewer set (security_invoker = true);
