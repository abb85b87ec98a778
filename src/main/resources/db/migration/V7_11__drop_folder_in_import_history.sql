-- Issue 14 leftovers. (1) The drop folder's own table duplicated the import history: the history now also keeps a
-- drop-folder file of no known list (kind null) and where the file was moved (done/… or failed/…), and the legal
-- section's reminder reads it; drop_folder_import goes. (2) Single-case pushes (PUT /api/v1/cases/{案件编号}) are imports
-- too: source PUSH, one row per push.
alter table import_history alter column kind drop not null;
alter table import_history add column moved_to varchar(500);
alter table import_history drop constraint import_history_source_check;
alter table import_history add constraint import_history_source_check
    check (source in ('PAGE', 'API', 'INBOX', 'PUSH'));

-- rows the history already has (recorded by the same poll, a moment apart): only where the file went is new
update import_history h set moved_to = f.moved_to
from drop_folder_import f
where h.source = 'INBOX' and h.file_name = f.file_name
  and h.imported_at between f.imported_at - interval '5 seconds' and f.imported_at + interval '5 seconds';

-- the rest (files of no known list, and those handled before the history existed), so no reminder is lost
insert into import_history (imported_at, username, source, kind, file_name, status, created, updated, unchanged,
                            errors, warnings, moved_to)
select f.imported_at, null, 'INBOX', case when f.kind is null then null else lower(replace(f.kind, '_', '-')) end,
       f.file_name, f.status, f.created, f.updated, f.unchanged,
       -- the problems themselves lie in the .result.txt beside the moved file; their number is kept
       array_to_json(array(select json_build_object('message', f.moved_to || '.result.txt')
                         from generate_series(1, f.problems)))::text,
       '[]', f.moved_to
from drop_folder_import f
where not exists (select 1 from import_history h where h.source = 'INBOX' and h.file_name = f.file_name
                  and h.imported_at between f.imported_at - interval '5 seconds' and f.imported_at + interval '5 seconds');

drop table drop_folder_import;

create index import_history_inbox_failed on import_history (id) where source = 'INBOX' and status <> 'IMPORTED';
