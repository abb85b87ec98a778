-- Issue 14, item 3: the provincial platform names handlers by name or 执法证号 (law-enforcement certificate number);
-- the people list may carry it so that a case's 承办人 resolves to one person. Optional: not every person holds one
-- yet (auxiliary staff never do, R-11), but a number belongs to one person only.
alter table person add column certificate_no varchar(30);
create unique index person_certificate_no_uq on person (certificate_no) where certificate_no is not null;
