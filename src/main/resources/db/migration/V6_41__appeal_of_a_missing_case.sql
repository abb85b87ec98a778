-- R-26 (amended): an officer may also appeal a case that is missing from his breakdown, by its 案件编号. Such an appeal
-- names the number he typed (missing_case_no); case_id is set only when a case of that number is in the system (it
-- may not have been imported at all). An ITEM appeal keeps pointing at a line of his breakdown as before.
alter table score_appeal add column kind varchar(20) not null default 'ITEM';
alter table score_appeal add column missing_case_no varchar(60);
alter table score_appeal alter column case_id drop not null;
alter table score_appeal add constraint score_appeal_kind check (
    (kind = 'ITEM' and case_id is not null and missing_case_no is null)
    or (kind = 'MISSING_CASE' and missing_case_no is not null and award_id is null));
create index score_appeal_missing_idx on score_appeal (publication_id, person_id, missing_case_no);
