-- The audit trail is append-only in the database itself (issue 13): an UPDATE, DELETE or TRUNCATE of audit_event is
-- refused by a trigger, whoever runs it. docs/ also shows the grants of an application role without those rights.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'The audit trail is append-only: audit_event rows are never updated or deleted (% refused).', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event FOR EACH ROW
    EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT
    EXECUTE FUNCTION audit_event_append_only();
