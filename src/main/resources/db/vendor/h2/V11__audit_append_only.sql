-- The audit trail is append-only in the database itself (issue 13): an UPDATE or DELETE of an audit_event row is
-- refused by a trigger, whoever runs it. H2 has no TRUNCATE trigger, but never truncates a table another table's
-- foreign key references: the guard table below exists for that alone and stays empty.
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event FOR EACH ROW
    CALL 'prepbench.database.AppendOnly';
CREATE TABLE audit_event_truncate_guard (
    event_id BIGINT REFERENCES audit_event (id)
);
