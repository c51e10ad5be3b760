-- A keyed chain (issue 13): each event carries its place in its chain (a gapless sequence from 1, unique per chain)
-- and the id of the key whose HMAC-SHA-256 its hash is. Events written before this have no key id: their hash is
-- the plain SHA-256 of before, and the next migration seals each such chain under the key. Numbering them is the
-- one change ever made to existing audit rows, so the append-only trigger is set aside for it alone.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
ALTER TABLE audit_event ADD COLUMN seq BIGINT;
ALTER TABLE audit_event ADD COLUMN key_id VARCHAR(32);
UPDATE audit_event e SET seq = numbered.seq
  FROM (SELECT id, ROW_NUMBER() OVER (PARTITION BY chain ORDER BY id) AS seq FROM audit_event) numbered
 WHERE numbered.id = e.id AND e.chain IS NOT NULL;
UPDATE audit_event SET seq = 0 WHERE chain IS NULL;
ALTER TABLE audit_event ALTER COLUMN seq SET NOT NULL;
ALTER TABLE audit_event ADD CONSTRAINT uq_audit_chain_seq UNIQUE (chain, seq);
ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;
