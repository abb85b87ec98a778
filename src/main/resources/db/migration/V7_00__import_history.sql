-- Issue 14, item 6: every import (page, API, drop folder) with who, when, what it did and the problems it answered.
-- The file itself is kept under cq.data-dir/imports/<stored_name> for cq.imports.history.retention-days; stored_name
-- is cleared when the clean-up removes it, the row stays.
create table import_history (
    id          bigserial primary key,
    imported_at timestamp    not null,
    username    varchar(50),
    source      varchar(10)  not null check (source in ('PAGE', 'API', 'INBOX')),
    kind        varchar(20)  not null,
    file_name   varchar(255) not null,
    status      varchar(12)  not null check (status in ('IMPORTED', 'REJECTED', 'UNREADABLE', 'BUSY')),
    created     integer      not null default 0,
    updated     integer      not null default 0,
    unchanged   integer      not null default 0,
    -- the error and warning tables of the import page, as JSON arrays of {"row","column","message"}
    errors      text         not null default '[]',
    warnings    text         not null default '[]',
    stored_name varchar(32),
    file_size   bigint
);

create index import_history_latest on import_history (imported_at desc, id desc);
