-- Tests after preparation (issue 15): a formula's tests, each with a delay after completion ("stability, 24 h"),
-- and the tests a completed preparation scheduled on its sample, with their results.
CREATE TABLE formula_test (
    id          UUID                     NOT NULL,
    formula_id  UUID                     NOT NULL REFERENCES formula (id),
    name        VARCHAR(100)             NOT NULL,
    delay_hours INT                      NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(50)              NOT NULL,
    removed_at  TIMESTAMP WITH TIME ZONE,
    removed_by  VARCHAR(50),
    -- the formula's id while the test is in force, NULL once removed: one test of a name per formula at a time
    active_of   UUID,
    CONSTRAINT pk_formula_test PRIMARY KEY (id),
    CONSTRAINT uq_formula_test_name UNIQUE (active_of, name),
    CONSTRAINT ck_formula_test_delay CHECK (delay_hours > 0 AND delay_hours <= 8784),
    CONSTRAINT ck_formula_test_active CHECK ((removed_at IS NULL AND removed_by IS NULL AND active_of = formula_id)
        OR (removed_at IS NOT NULL AND removed_by IS NOT NULL AND active_of IS NULL))
);
CREATE INDEX ix_formula_test_formula ON formula_test (formula_id);

CREATE TABLE sample_test (
    id          UUID                     NOT NULL,
    sample_id   UUID                     NOT NULL REFERENCES sample (id),
    name        VARCHAR(100)             NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    result      VARCHAR(4),
    result_value VARCHAR(100),
    note        VARCHAR(500),
    recorded_at TIMESTAMP WITH TIME ZONE,
    recorded_by VARCHAR(50),
    CONSTRAINT pk_sample_test PRIMARY KEY (id),
    CONSTRAINT uq_sample_test UNIQUE (sample_id, name),
    CONSTRAINT ck_sample_test_result CHECK (result IS NULL OR result IN ('pass', 'fail')),
    CONSTRAINT ck_sample_test_recorded CHECK ((result IS NULL AND recorded_at IS NULL AND recorded_by IS NULL)
        OR (result IS NOT NULL AND recorded_at IS NOT NULL AND recorded_by IS NOT NULL))
);
-- the open tests by when they are due (the dashboard), and a sample's tests
CREATE INDEX ix_sample_test_due ON sample_test (result, due_at);
CREATE INDEX ix_sample_test_sample ON sample_test (sample_id);
