-- An application role that cannot change the audit trail (issue 13). PrepBench then runs as prepbench_app, and only
-- its migrations run as the database's owner (prepbench), through spring.flyway.user and spring.flyway.password.
-- Besides these grants, a trigger refuses UPDATE, DELETE and TRUNCATE of audit_event for every role, owner included.
--
-- Run as the owner after the first start (PrepBench has created its tables), with
--   runuser -u postgres -- psql -d prepbench -c "CREATE ROLE prepbench_app LOGIN PASSWORD 'change-this-app-password'"
--   runuser -u postgres -- psql -d prepbench -v ON_ERROR_STOP=1 -f docs/postgresql-app-role.sql
-- and again after an upgrade whose migrations add tables (the default privileges cover most of that).
GRANT CONNECT ON DATABASE prepbench TO prepbench_app;
GRANT USAGE ON SCHEMA public TO prepbench_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO prepbench_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO prepbench_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM prepbench_app;
REVOKE ALL ON flyway_schema_history FROM prepbench_app;
GRANT SELECT ON flyway_schema_history TO prepbench_app;
ALTER DEFAULT PRIVILEGES FOR ROLE prepbench IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO prepbench_app;
ALTER DEFAULT PRIVILEGES FOR ROLE prepbench IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO prepbench_app;
