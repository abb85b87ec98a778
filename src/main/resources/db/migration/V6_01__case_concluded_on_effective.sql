-- R-14 (second reading): a simple case (简易程序, 当场处罚) without 办结日期 is concluded on its 立案日期 (the decision is the
-- conclusion) — in scoring, standards, review lists, recording and every other rule alike. One stored generated
-- column says so once, for every reader; concluded_on keeps what was recorded (imported or entered), so an import
-- that repeats an empty 办结日期 still changes nothing. An ordinary case without 办结日期 is not concluded (null).
alter table case_file add column concluded_on_effective date
    generated always as (case when category = 'SIMPLE' then coalesce(concluded_on, filed_on) else concluded_on end) stored;

-- The indexes that served the rules by concluded_on now serve them by the effective date, one for one (the case
-- import maintains as many indexes as before: province-scale issue). (category, unit_id, concluded_on) stays: it
-- serves the legal review of ordinary cases, whose effective date is their recorded one.
create index case_concluded_eff_idx on case_file (concluded_on_effective, id);
create index case_lead_concluded_eff_idx on case_file (lead_id, concluded_on_effective);
create index case_co_concluded_eff_idx on case_file (co_id, concluded_on_effective);
drop index if exists case_concluded_on_idx;
drop index if exists case_lead_concluded_idx;
drop index if exists case_co_concluded_idx;
