-- Issue 16 item 5: under row-level security a statement of one bureau reads its tables with "bureau_id = the
-- request's bureau" added by the policy. Where no index begins with bureau_id, PostgreSQL reads the whole province's
-- table and filters it. bench/profile-scoring.sh found three on the path of every quarter's scores and standards
-- (婺城区 among 100 bureaus, EXPLAIN ANALYZE):
--   the scores (R-20–R-23) sum each case's returns (R-21) once per statement: a sequential scan of case_return,
--     134,959 rows to keep 1,404 — 12.5 of the statement's 22.6 ms;
--   the standards (R-32) and the scores read each person's unit on the quarter's last day (R-02) from
--     person_unit_history: 30,146 rows to keep 297 — 5 of 14.6 ms;
--   the awards of a quarter (R-22) are found by their date over the province, then filtered by bureau.
-- A bureau's rows are now found by the index; an installation of one bureau reads what it read before.
create index case_return_bureau_idx on case_return (bureau_id, case_id) include (points);
create index person_unit_history_bureau_idx on person_unit_history (bureau_id, person_id, valid_from) include (unit_id);
create index excellent_award_bureau_rated_idx on excellent_award (bureau_id, rated_on);
