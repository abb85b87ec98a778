-- Defaults of RULES.md that the legal section can change (a row here overrides the default in code).
create table setting (
    name        varchar(80)  primary key,
    setting_value  varchar(500) not null,
    updated_by  varchar(50)  not null,
    updated_at  timestamp    not null
);

-- R-32: the case-handling standard per year (minimum cases per quarter); no row = the default (simple 0, ordinary 2).
create table yearly_standard (
    std_year      int          primary key,
    simple_min    int          not null check (simple_min >= 0),
    ordinary_min  int          not null check (ordinary_min >= 0),
    updated_by    varchar(50)  not null,
    updated_at    timestamp    not null
);
