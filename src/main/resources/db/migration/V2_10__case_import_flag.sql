-- Imported historical cases that break a rule are kept and flagged, not dropped (IMPORT.md; R-11: an auxiliary as
-- handler). One row per case and rule; the import that finds the case compliant again removes it.
create table case_import_flag (
    case_id     bigint        not null references case_file (id) on delete cascade,
    rule_id     varchar(10)   not null,
    detail      varchar(500)  not null,
    flagged_on  date          not null,
    primary key (case_id, rule_id)
);
