-- The database health check (issue 10) proves that the database accepts a write: it inserts a row here inside a
-- transaction that it rolls back, so the table stays empty. Its constraints are of the kinds every other table has
-- (primary key, NOT NULL, CHECK ... IN with a list of values: a list of one is read as '=', which H2 2.4.240's defect
-- spared), so a database that refuses those refuses the check too.
CREATE TABLE health_probe (
    id          BIGINT                   NOT NULL,
    probe_state VARCHAR(16)              NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_health_probe PRIMARY KEY (id),
    CONSTRAINT ck_health_probe_state CHECK (probe_state IN ('probing', 'probed'))
);
