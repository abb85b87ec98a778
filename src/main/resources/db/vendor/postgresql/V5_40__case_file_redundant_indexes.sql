-- case_file (lead_id) and (co_id) are the leading columns of case_lead_concluded_idx and case_co_concluded_idx
-- (migration 2.21): every look-up by handler, and the foreign-key checks when a person is deleted, use those. The
-- single-column indexes only cost each imported case two more index entries (province-scale issue: the case import
-- of 1,000,000 rows against COPY into an equally indexed table).
drop index if exists case_lead_idx;
drop index if exists case_co_idx;
