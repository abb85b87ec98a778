-- Issue 14, item 2: saved column mappings. A file whose required columns cannot all be matched by header or alias is
-- imported with a mapping: for each column of the list, the file header it is read from. Saved under a name, it is
-- applied again to every file of the same list with the same headers (header_key: the file's headers normalised as
-- the importer compares them — spaces and asterisks removed —, sorted, one per line).
create table import_mapping (
    id          bigserial    primary key,
    name        varchar(100) not null unique,
    kind        varchar(20)  not null,
    -- {"主办人工号":"办案人员编码", …}: column of IMPORT.md → the file's header
    columns     text         not null,
    -- the file's headers as written, a JSON array (the choices when the mapping is edited)
    headers     text         not null,
    header_key  text         not null,
    created_by  varchar(50),
    created_at  timestamp    not null,
    updated_at  timestamp    not null
);

create index import_mapping_headers on import_mapping (kind, header_key);
