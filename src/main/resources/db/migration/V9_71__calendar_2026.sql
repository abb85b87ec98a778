-- R-27: the State Council's holiday arrangements for 2026 (国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04),
-- the province's days (bureau_id null, read by every bureau), as 3.61 seeded 2024 and 2025. Only the weekdays of each
-- holiday span and the weekend makeup working days (调休上班) are rows. A date the legal section has already entered
-- on the /calendar page (for the province or for its bureau) is left as entered.
insert into calendar_day (on_date, kind, name, bureau_id)
select v.on_date, v.kind, v.name, null
from (values
 (date '2026-01-01', 'HOLIDAY', '元旦'),
 (date '2026-01-02', 'HOLIDAY', '元旦'),
 (date '2026-01-04', 'MAKEUP_WORKDAY', '元旦'),
 (date '2026-02-14', 'MAKEUP_WORKDAY', '春节'),
 (date '2026-02-16', 'HOLIDAY', '春节'),
 (date '2026-02-17', 'HOLIDAY', '春节'),
 (date '2026-02-18', 'HOLIDAY', '春节'),
 (date '2026-02-19', 'HOLIDAY', '春节'),
 (date '2026-02-20', 'HOLIDAY', '春节'),
 (date '2026-02-23', 'HOLIDAY', '春节'),
 (date '2026-02-28', 'MAKEUP_WORKDAY', '春节'),
 (date '2026-04-06', 'HOLIDAY', '清明节'),
 (date '2026-05-01', 'HOLIDAY', '劳动节'),
 (date '2026-05-04', 'HOLIDAY', '劳动节'),
 (date '2026-05-05', 'HOLIDAY', '劳动节'),
 (date '2026-05-09', 'MAKEUP_WORKDAY', '劳动节'),
 (date '2026-06-19', 'HOLIDAY', '端午节'),
 (date '2026-09-20', 'MAKEUP_WORKDAY', '国庆节'),
 (date '2026-09-25', 'HOLIDAY', '中秋节'),
 (date '2026-10-01', 'HOLIDAY', '国庆节'),
 (date '2026-10-02', 'HOLIDAY', '国庆节'),
 (date '2026-10-05', 'HOLIDAY', '国庆节'),
 (date '2026-10-06', 'HOLIDAY', '国庆节'),
 (date '2026-10-07', 'HOLIDAY', '国庆节'),
 (date '2026-10-10', 'MAKEUP_WORKDAY', '国庆节')
) as v (on_date, kind, name)
where not exists (select 1 from calendar_day c where c.on_date = v.on_date);
