-- API tokens (issue 15): a named token with a role, for integrations (a LIMS, an ERP). Only the token's SHA-256
-- is stored; the token itself is shown once, when it is created. A token is revoked, never deleted (the audit trail
-- names it), so a name is never used twice.
CREATE TABLE api_token (
    name          VARCHAR(50)              NOT NULL,
    role          VARCHAR(20)              NOT NULL,
    token_hash    CHAR(64)                 NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(50)              NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    revoked_by    VARCHAR(50),
    last_used_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_api_token PRIMARY KEY (name),
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT ck_api_token_role CHECK (role IN ('TECHNICIAN', 'LAB_LEAD', 'ADMIN', 'VIEWER')),
    CONSTRAINT ck_api_token_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
