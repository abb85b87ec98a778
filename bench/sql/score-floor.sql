-- The floor of "a quarter's scores": ONE hand-written aggregate computing every person's totals for the quarter
-- over the system's own tables (R-14, R-20–R-23, R-22 highest level only). Variables: :'d0', :'d1' (first and last
-- day of the quarter), :'b' (a bureau's id: that bureau's totals, as GET /api/v1/scores?bureau=… answers them; empty:
-- every bureau's in one statement). Returns one row per person with points, like GET /api/v1/scores.
-- Issue 16: a person is a bureau's (工号 repeat across bureaus), so rows are per person id, never per 工号 alone; the
-- quarter's cases are those of their effective conclusion date (R-14, second reading), read through the index the
-- system's scoring uses, (bureau_id, concluded_on_effective, id). The bureau filter is a constant after psql's
-- interpolation: with :'b' empty the planner drops it, with an id it is an index condition.
-- Simplification against the system: the unit is the person's current one (no person_unit_history, R-02).
with period_case as (
  select c.id, c.lead_id, c.co_id,
         case c.category when 'SIMPLE' then 0.5 when 'ORDINARY' then 5 when 'MAJOR' then 10 end as quantity,
         greatest(2 - coalesce((select sum(r.points) from case_return r where r.case_id = c.id), 0), 0) as quality
  from case_file c
  where c.concluded_on_effective between :'d0' and :'d1'
    and (:'b' = '' or c.bureau_id = nullif(:'b', '')::bigint)
),
award as (
  select a.case_id, a.rated_on,
         case a.award_level when 'PROVINCE' then 5 when 'CITY' then 3 when 'DISTRICT' then 2 when 'BUREAU' then 1 end as lvl
  from excellent_award a
  where a.case_id in (select case_id from excellent_award where rated_on between :'d0' and :'d1'
                        and (:'b' = '' or bureau_id = nullif(:'b', '')::bigint))
),
credited as (
  select case_id, rated_on,
         greatest(lvl - coalesce(max(lvl) over (partition by case_id order by rated_on, lvl
                                                rows between unbounded preceding and 1 preceding), 0), 0) as credit
  from award
),
period_award as (
  select c.lead_id, c.co_id, cr.credit
  from credited cr join case_file c on c.id = cr.case_id
  where cr.rated_on between :'d0' and :'d1' and cr.credit > 0
),
contrib as (
  select lead_id as person_id, quantity, quality, 0 as excellence, 1 as lead_n, 0 as co_n from period_case
  union all
  select co_id, quantity / 2, quality / 2, 0, 0, 1 from period_case
  union all
  select lead_id, 0, 0, credit, 0, 0 from period_award
  union all
  select co_id, 0, 0, credit / 2.0, 0, 0 from period_award
)
select p.employee_no, p.name, u.name as unit, u.type as unit_type,
       round(sum(t.quantity), 2) as quantity, round(sum(t.quality), 2) as quality,
       round(sum(t.excellence), 2) as excellence, round(sum(t.quantity + t.quality + t.excellence), 2) as total,
       sum(t.lead_n) as lead_cases, sum(t.co_n) as co_cases
from contrib t
join person p on p.id = t.person_id
join unit u on u.id = p.unit_id
group by p.id, p.employee_no, p.name, u.name, u.type
order by p.bureau_id, p.employee_no;
