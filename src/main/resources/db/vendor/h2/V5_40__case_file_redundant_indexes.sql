-- PostgreSQL drops case_file's single-column handler indexes here (see db/vendor/postgresql); H2 keeps them: its
-- foreign keys on lead_id and co_id may be using them, and the embedded database imports county-sized files.
select 1;
