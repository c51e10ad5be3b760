-- PrepBench foundation schema. Runs unchanged on H2 (2.x) and PostgreSQL (13+).
-- Codes (formula, ingredient) are stored in their canonical upper-case form, so UNIQUE is case-insensitive.

-- security: Spring Security's JdbcUserDetailsManager schema
CREATE TABLE users (
    username  VARCHAR(50)  NOT NULL PRIMARY KEY,
    password  VARCHAR(500) NOT NULL,
    enabled   BOOLEAN      NOT NULL,
    full_name VARCHAR(100)
);

CREATE TABLE authorities (
    username  VARCHAR(50) NOT NULL REFERENCES users (username),
    authority VARCHAR(50) NOT NULL,
    CONSTRAINT uq_authorities UNIQUE (username, authority)
);

-- formulas
CREATE TABLE ingredient (
    id                  UUID          NOT NULL PRIMARY KEY,
    code                VARCHAR(32)   NOT NULL,
    name                VARCHAR(200)  NOT NULL,
    cas_number          VARCHAR(12),
    primary_code_value  VARCHAR(128)  NOT NULL,
    allowed_symbologies VARCHAR(64)   NOT NULL DEFAULT '',
    parser              VARCHAR(8)    NOT NULL DEFAULT 'plain',
    density_g_per_ml    NUMERIC(10, 6),
    active              BOOLEAN       NOT NULL DEFAULT TRUE,
    CONSTRAINT uq_ingredient_code UNIQUE (code),
    CONSTRAINT ck_ingredient_parser CHECK (parser IN ('plain', 'gs1', 'kv')),
    CONSTRAINT ck_ingredient_density CHECK (density_g_per_ml IS NULL OR density_g_per_ml > 0)
);

CREATE TABLE ingredient_code (
    ingredient_id UUID         NOT NULL REFERENCES ingredient (id),
    code_value    VARCHAR(128) NOT NULL,
    kind          VARCHAR(12)  NOT NULL,
    CONSTRAINT pk_ingredient_code PRIMARY KEY (ingredient_id, code_value),
    CONSTRAINT ck_ingredient_code_kind CHECK (kind IN ('alternative', 'alias'))
);

CREATE TABLE formula (
    id         UUID                     NOT NULL PRIMARY KEY,
    code       VARCHAR(32)              NOT NULL,
    name       VARCHAR(200)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_formula_code UNIQUE (code)
);

CREATE TABLE formula_version (
    id           UUID                     NOT NULL PRIMARY KEY,
    formula_id   UUID                     NOT NULL REFERENCES formula (id),
    version_no   INT                      NOT NULL,
    status       VARCHAR(10)              NOT NULL,
    batch_amount NUMERIC(18, 6)           NOT NULL,
    batch_unit   VARCHAR(2)               NOT NULL,
    released_at  TIMESTAMP WITH TIME ZONE,
    released_by  VARCHAR(50),
    CONSTRAINT uq_formula_version UNIQUE (formula_id, version_no),
    CONSTRAINT ck_formula_version_status CHECK (status IN ('draft', 'released', 'retired')),
    CONSTRAINT ck_formula_version_batch CHECK (batch_amount > 0 AND batch_unit IN ('g', 'kg', 'mg', 'mL', 'L'))
);

CREATE TABLE formula_line (
    formula_version_id UUID           NOT NULL REFERENCES formula_version (id),
    line_no            INT            NOT NULL,
    ingredient_id      UUID           NOT NULL REFERENCES ingredient (id),
    fraction           NUMERIC(12, 10) NOT NULL,
    tol_minus_g        NUMERIC(18, 6),
    tol_plus_g         NUMERIC(18, 6),
    tol_minus_pct      NUMERIC(9, 4),
    tol_plus_pct       NUMERIC(9, 4),
    CONSTRAINT pk_formula_line PRIMARY KEY (formula_version_id, line_no),
    CONSTRAINT ck_formula_line_fraction CHECK (fraction > 0 AND fraction <= 1),
    CONSTRAINT ck_formula_line_tolerance CHECK (
        (tol_minus_g IS NULL OR tol_minus_g >= 0) AND (tol_plus_g IS NULL OR tol_plus_g >= 0)
        AND (tol_minus_pct IS NULL OR tol_minus_pct >= 0) AND (tol_plus_pct IS NULL OR tol_plus_pct >= 0))
);

-- preparation
-- One row per formula that has ever been prepared: the attempt counter and the lock. Starting a session
-- locks this row (SELECT ... FOR UPDATE), which serialises starts of one formula and nothing else.
CREATE TABLE formula_attempts (
    formula_id           UUID                     NOT NULL PRIMARY KEY REFERENCES formula (id),
    last_attempt_no      INT                      NOT NULL DEFAULT 0,
    consecutive_failures INT                      NOT NULL DEFAULT 0,
    locked_at            TIMESTAMP WITH TIME ZONE,
    locked_reason        VARCHAR(500),
    locked_session_id    UUID
);

CREATE TABLE preparation_session (
    id                   UUID                     NOT NULL PRIMARY KEY,
    formula_id           UUID                     NOT NULL REFERENCES formula (id),
    formula_version_id   UUID                     NOT NULL REFERENCES formula_version (id),
    formula_code         VARCHAR(32)              NOT NULL,
    formula_name         VARCHAR(200)             NOT NULL,
    version_no           INT                      NOT NULL,
    attempt_no           INT                      NOT NULL,
    status               VARCHAR(16)              NOT NULL,
    operator             VARCHAR(50)              NOT NULL,
    -- equals operator while in_progress, NULL otherwise: UNIQUE (formula_id, in_progress_operator) then
    -- allows one in-progress session per operator and formula on every database (NULLs never collide).
    in_progress_operator VARCHAR(50),
    bench                VARCHAR(64),
    amount               NUMERIC(18, 6)           NOT NULL,
    unit                 VARCHAR(2)               NOT NULL,
    batch_mass_g         NUMERIC(18, 6)           NOT NULL,
    step_count           INT                      NOT NULL,
    started_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at             TIMESTAMP WITH TIME ZONE,
    end_reason           VARCHAR(500),
    CONSTRAINT uq_session_attempt UNIQUE (formula_id, attempt_no),
    CONSTRAINT uq_session_in_progress UNIQUE (formula_id, in_progress_operator),
    CONSTRAINT ck_session_attempt CHECK (attempt_no > 0),
    CONSTRAINT ck_session_status CHECK (status IN ('in_progress', 'completed', 'failed', 'locked_failed', 'server_rejected')),
    CONSTRAINT ck_session_in_progress CHECK (
        (status = 'in_progress' AND in_progress_operator = operator)
        OR (status <> 'in_progress' AND in_progress_operator IS NULL)),
    CONSTRAINT ck_session_unit CHECK (unit IN ('g', 'kg', 'mg', 'mL', 'L'))
);

CREATE INDEX ix_session_started ON preparation_session (started_at);
CREATE INDEX ix_session_operator_status ON preparation_session (operator, status);

CREATE TABLE preparation_step (
    session_id          UUID                     NOT NULL REFERENCES preparation_session (id),
    sequence_no         INT                      NOT NULL,
    id                  UUID                     NOT NULL,
    ingredient_id       UUID                     NOT NULL REFERENCES ingredient (id),
    ingredient_code     VARCHAR(32)              NOT NULL,
    ingredient_name     VARCHAR(200)             NOT NULL,
    required_code_value VARCHAR(128)             NOT NULL,
    alt_code_values     VARCHAR(4000)            NOT NULL DEFAULT '',
    allowed_symbologies VARCHAR(64)              NOT NULL DEFAULT '',
    parser              VARCHAR(8)               NOT NULL,
    target_g            NUMERIC(18, 6)           NOT NULL,
    tol_minus_g         NUMERIC(18, 6)           NOT NULL,
    tol_plus_g          NUMERIC(18, 6)           NOT NULL,
    captured_g          NUMERIC(18, 6),
    is_stable           BOOLEAN,
    manual              BOOLEAN                  NOT NULL DEFAULT FALSE,
    manual_reason       VARCHAR(500),
    lot                 VARCHAR(64),
    expiry              DATE,
    status              VARCHAR(8)               NOT NULL,
    failure_reason      VARCHAR(32),
    captured_at         TIMESTAMP WITH TIME ZONE,
    scale_id            VARCHAR(64),
    CONSTRAINT pk_preparation_step PRIMARY KEY (session_id, sequence_no),
    CONSTRAINT uq_preparation_step_id UNIQUE (id),
    CONSTRAINT ck_step_status CHECK (status IN ('pending', 'ok', 'failed')),
    CONSTRAINT ck_step_target CHECK (target_g > 0 AND tol_minus_g >= 0 AND tol_plus_g >= 0)
);

-- audit: append-only
CREATE TABLE audit_event (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(50)              NOT NULL,
    action        VARCHAR(40)              NOT NULL,
    session_id    UUID,
    step_sequence INT,
    formula_code  VARCHAR(32),
    payload       VARCHAR(10000)           NOT NULL
);

CREATE INDEX ix_audit_session ON audit_event (session_id, id);
