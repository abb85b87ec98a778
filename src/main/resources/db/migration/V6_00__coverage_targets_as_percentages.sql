-- R-34 (second reading): the 一类/二类中队 coverage targets are percentages of the squad's managed domains (50%, 27%),
-- no longer fixed numbers of domains (15, 8). A value the legal section had changed is carried over as the same share
-- of the programme's 30-domain catalogue (15 → 50, 8 → 26.67), so nothing set by hand is silently lost.
update setting
   set name = 'COVERAGE_TARGET_CLASS1_PERCENT',
       setting_value = trim(trailing '.' from trim(trailing '0' from
           cast(round(cast(setting_value as numeric) * 100 / 30, 2) as varchar)))
 where name = 'COVERAGE_TARGET_CLASS1_DOMAINS';
update setting
   set name = 'COVERAGE_TARGET_CLASS2_PERCENT',
       setting_value = trim(trailing '.' from trim(trailing '0' from
           cast(round(cast(setting_value as numeric) * 100 / 30, 2) as varchar)))
 where name = 'COVERAGE_TARGET_CLASS2_DOMAINS';
