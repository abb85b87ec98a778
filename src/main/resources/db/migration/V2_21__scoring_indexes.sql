-- Scoring (R-20–R-25): one person's breakdown reads his cases of a period by handler and conclusion date, and the
-- highest-only rule (R-22) looks up the earlier awards of the same case by date.
create index case_lead_concluded_idx on case_file (lead_id, concluded_on);
create index case_co_concluded_idx on case_file (co_id, concluded_on);
create index excellent_award_case_idx on excellent_award (case_id, rated_on);
