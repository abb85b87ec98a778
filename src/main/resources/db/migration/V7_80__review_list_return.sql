-- R-41: 法制科 may return (退回) a submitted monthly list with a reason; the squad corrects it, signs and submits again.
-- first_submitted_at keeps the first submission, by which the list's lateness is judged once it is resubmitted
-- (a return is 法制科's call and correcting takes time: a squad that met the 15th is not made late by it).
alter table review_list
    add column first_submitted_at timestamp,
    add column returned_by        varchar(50),
    add column returner_name      varchar(50),
    add column returned_at        timestamp,
    add column return_reason      varchar(500),
    add column return_count       int not null default 0;
