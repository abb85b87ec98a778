-- The case list sorts every unit's cases by filing date, newest first, with the id as tie-breaker for stable pages;
-- the (unit_id, filed_on) index only serves one unit. Conclusion-date sorting uses case_concluded_idx.
create index case_filed_on_idx on case_file (filed_on, id);
