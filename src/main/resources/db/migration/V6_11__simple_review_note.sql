-- R-41 (second reading): a 否 on any checklist item comes with a note saying what is wrong, shown in the monthly list.
-- R-40: the person who reviewed (a squad leader may review when the legal officer handled the case).
alter table simple_review add column note varchar(500);
alter table simple_review add column reviewer_role varchar(20) not null default 'LEGAL_OFFICER';
alter table simple_review add constraint simple_review_note_when_no
    check (note is not null or (subject_ok and party_ok and evidence_ok and law_ok and record_ok)) not valid;
