-- The case list sorts every unit's cases by a date, newest first, with the id as tie-breaker for stable pages; the
-- (unit_id, filed_on) index only serves one unit. (concluded_on, id) also serves everything case_concluded_idx did
-- (its leading column), so that one goes, keeping imports of many cases from maintaining two.
create index case_filed_on_idx on case_file (filed_on, id);
create index case_concluded_on_idx on case_file (concluded_on, id);
drop index case_concluded_idx;
