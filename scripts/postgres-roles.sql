-- PostgreSQL: an application role that cannot change or delete the audit log (等保 2.0 安全审计: audit records are
-- protected from deletion, modification or overwriting; retention of at least six months, 网络安全法 第二十一条).
--
-- Run as the owner of the tables (the role the migrations ran as) or a superuser, after the application has
-- started once against the database (so the tables exist), then give the role a password:
--
--   psql -d cq -f scripts/postgres-roles.sql
--   psql -d cq -c "\password cq_app"
--
-- and start the application as cq_app, letting only the migrations run as the owner:
--
--   --spring.datasource.username=cq_app --spring.datasource.password=…
--   --spring.flyway.user=<owner> --spring.flyway.password=…
--
-- Safe to run again (after later migrations, to grant their tables). Tested by PostgresAuditRoleTests.
--
-- Issue 16: the tables are kept apart by bureau with row-level security (migrations 9.00, 9.01), which binds only a
-- role that is neither superuser, nor owner of the tables, nor BYPASSRLS: cq_app is none of them, so even a query
-- that forgets the bureau sees only the signed-in user's. Never run the application as the owner.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'cq_app') THEN
        CREATE ROLE cq_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
    END IF;
    ALTER ROLE cq_app NOSUPERUSER NOBYPASSRLS NOINHERIT NOCREATEDB NOCREATEROLE NOREPLICATION;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO cq_app', current_database());
END
$$;

GRANT USAGE ON SCHEMA public TO cq_app;
REVOKE CREATE ON SCHEMA public FROM cq_app;

-- The application reads and writes its tables...
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cq_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO cq_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO cq_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO cq_app;

-- ...but only appends to the audit log: no UPDATE, DELETE or TRUNCATE, whatever the application's code does.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM cq_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- The schema's history belongs to the migrations (the owner).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON flyway_schema_history FROM cq_app;
