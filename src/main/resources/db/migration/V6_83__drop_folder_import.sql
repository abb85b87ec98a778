-- Issue 14, item 4: what the drop folder (cq.imports.inbox) did with each file. The full result (counts and every
-- problem with row and column) lies beside the moved file in done/ or failed/; this table keeps what the legal
-- section's reminder needs (a failure stays due until a later file of the same list imports). The import history of
-- item 6 may take its place.
create table drop_folder_import (
    id            bigserial     primary key,
    file_name     varchar(255)  not null,
    moved_to      varchar(500)  not null,
    kind          varchar(20),
    status        varchar(20)   not null,
    created       int           not null default 0,
    updated       int           not null default 0,
    unchanged     int           not null default 0,
    problems      int           not null default 0,
    imported_at   timestamp     not null
);
create index drop_folder_import_failed on drop_folder_import (id) where status <> 'IMPORTED';
