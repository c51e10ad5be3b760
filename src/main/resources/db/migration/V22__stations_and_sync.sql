-- Offline stations and their central PrepBench (issue 18, docs/sync.md). Runs unchanged on H2 and PostgreSQL.

-- central, audit: the key each station seals its trail with. The key itself is never stored: it is derived from
-- central's audit key named here and the station key's id, so central recomputes it to verify what a station sends.
CREATE TABLE station_key (
    key_id         VARCHAR(32)              NOT NULL PRIMARY KEY,
    central_key_id VARCHAR(32)              NOT NULL,
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- central, sync: the stations that may send preparations; a token is stored only as its SHA-256
CREATE TABLE station (
    name          VARCHAR(50)              NOT NULL PRIMARY KEY,
    key_id        VARCHAR(32)              NOT NULL REFERENCES station_key (key_id),
    token_hash    CHAR(64)                 NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by    VARCHAR(50)              NOT NULL,
    last_seen_at  TIMESTAMP WITH TIME ZONE,
    clock_offset_ms BIGINT,
    CONSTRAINT uq_station_key UNIQUE (key_id),
    CONSTRAINT uq_station_token UNIQUE (token_hash)
);

-- central: when each event a station sent arrived, and how far the station's clock was from central's then
CREATE TABLE sync_receipt (
    chain           VARCHAR(64)              NOT NULL,
    seq             BIGINT                   NOT NULL,
    station         VARCHAR(50)              NOT NULL REFERENCES station (name),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    clock_offset_ms BIGINT                   NOT NULL,
    CONSTRAINT pk_sync_receipt PRIMARY KEY (chain, seq)
);

-- station: every audit event of a preparation, waiting to be sent (sent_at NULL) or sent; written in the
-- transaction of the change the event records
CREATE TABLE sync_outbox (
    chain      VARCHAR(64)              NOT NULL,
    seq        BIGINT                   NOT NULL,
    session_id UUID                     NOT NULL,
    written_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at    TIMESTAMP WITH TIME ZONE,
    CONSTRAINT pk_sync_outbox PRIMARY KEY (chain, seq)
);
CREATE INDEX ix_sync_outbox_waiting ON sync_outbox (sent_at, written_at);

-- station: its last contact with central (one row)
CREATE TABLE sync_contact (
    id              INT                      NOT NULL PRIMARY KEY,
    last_sent_at    TIMESTAMP WITH TIME ZONE,
    last_refresh_at TIMESTAMP WITH TIME ZONE,
    last_problem    VARCHAR(500),
    CONSTRAINT ck_sync_contact_one CHECK (id = 1)
);
INSERT INTO sync_contact (id) VALUES (1);

-- A preparation a station made, as central keeps it: the station's name and the attempt number the station gave it
-- (central gives its own). At a station: the number central gave it, once central has it. Central's copy of a
-- preparation still in progress at a station holds neither an operator's nor a bench's place at central.
ALTER TABLE preparation_session ADD COLUMN station VARCHAR(50);
ALTER TABLE preparation_session ADD COLUMN station_attempt_no INT;
ALTER TABLE preparation_session ADD COLUMN central_attempt_no INT;
ALTER TABLE preparation_session ADD COLUMN clock_offset_ms BIGINT;
ALTER TABLE preparation_session DROP CONSTRAINT ck_session_in_progress;
ALTER TABLE preparation_session ADD CONSTRAINT ck_session_in_progress CHECK (
    (status = 'in_progress' AND (in_progress_operator = operator
                                 OR (station IS NOT NULL AND in_progress_operator IS NULL)))
    OR (status <> 'in_progress' AND in_progress_operator IS NULL));

-- when an account was disabled: central refuses what a station recorded under an account disabled before
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP WITH TIME ZONE;
