-- Guided weighing: identity scans, captures, samples and a hash-chained audit trail.

ALTER TABLE preparation_step ADD COLUMN scanned_code VARCHAR(512);
ALTER TABLE preparation_step ADD COLUMN symbology VARCHAR(4);
ALTER TABLE preparation_step ADD COLUMN scanned_at TIMESTAMP WITH TIME ZONE;

-- Each audit event carries the hash of the event before it in its chain and its own hash over that and its
-- content. A chain is one session's events ('session:<id>') or one formula's ('formula:<code>'); appends to a
-- chain are serialised by the row lock of its session or formula. UNIQUE (chain, prev_hash) makes a fork
-- impossible: two events can never claim the same predecessor.
ALTER TABLE audit_event ADD COLUMN chain VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64);
ALTER TABLE audit_event ADD CONSTRAINT uq_audit_chain_link UNIQUE (chain, prev_hash);
CREATE INDEX ix_audit_chain ON audit_event (chain, id);

CREATE TABLE sample (
    id           UUID                     NOT NULL PRIMARY KEY,
    code         VARCHAR(64)              NOT NULL,
    session_id   UUID                     NOT NULL REFERENCES preparation_session (id),
    formula_code VARCHAR(32)              NOT NULL,
    attempt_no   INT                      NOT NULL,
    planned_g    NUMERIC(18, 6)           NOT NULL,
    actual_g     NUMERIC(18, 6)           NOT NULL,
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by  VARCHAR(50)              NOT NULL,
    CONSTRAINT uq_sample_code UNIQUE (code),
    CONSTRAINT uq_sample_session UNIQUE (session_id)
);

CREATE TABLE sample_line (
    sample_id       UUID           NOT NULL REFERENCES sample (id),
    sequence_no     INT            NOT NULL,
    ingredient_code VARCHAR(32)    NOT NULL,
    ingredient_name VARCHAR(200)   NOT NULL,
    planned_g       NUMERIC(18, 6) NOT NULL,
    actual_g        NUMERIC(18, 6) NOT NULL,
    lot             VARCHAR(64),
    expiry          DATE,
    manual          BOOLEAN        NOT NULL,
    CONSTRAINT pk_sample_line PRIMARY KEY (sample_id, sequence_no)
);
