-- The floor of the case import: a staging table with the columns of the cases CSV (text and date, references left
-- unresolved) and the same indexes as case_file on PostgreSQL (identity primary key, unique 所属执法局 + 案件编号,
-- 所属执法局 + 办结日期 + id, 立案日期 + id, 办案单位 + 立案日期, 类别 + 办案单位 + 办结日期, 主办人 + 办结日期,
-- 协办人 + 办结日期, 执法领域: nine, as after migrations 5.40, 6.01 and 9.00). run.sh then COPYs the raw CSV into it with
-- psql's \copy (client side, over loopback, as the system receives the file over HTTP).
-- The province's file ends with 所属执法局 (issue 16): kept, as bureau_name, where case_file keeps bureau_id — the
-- system reads and stores it for every row and its keys lead with the bureau, so the floor carries the same column
-- in the same two indexes. A county's file has no such column: bureau_name is then '' in every row.
drop table if exists case_staging;
create table case_staging (
    id            bigint generated always as identity primary key,
    bureau_name   text not null default '',
    case_no       text not null,
    decision_no   text,
    title         text,
    category      text not null,
    domain_name   text not null,
    unit_name     text not null,
    source        text,
    filed_on      date not null,
    concluded_on  date,
    lead_no       text not null,
    co_no         text not null,
    video_no      text,
    unique (bureau_name, case_no)
);
create index case_staging_concluded_idx on case_staging (bureau_name, concluded_on, id);
create index case_staging_filed_on_idx on case_staging (filed_on, id);
create index case_staging_filed_idx on case_staging (unit_name, filed_on);
create index case_staging_category_idx on case_staging (category, unit_name, concluded_on);
create index case_staging_lead_idx on case_staging (lead_no, concluded_on);
create index case_staging_co_idx on case_staging (co_no, concluded_on);
create index case_staging_domain_idx on case_staging (domain_name);
