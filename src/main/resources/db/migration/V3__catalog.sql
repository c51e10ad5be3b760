-- Formula and ingredient management: revisions for optimistic concurrency, version life cycle, learned aliases.

-- ingredients: every save bumps the revision; a save made against an older revision is refused
ALTER TABLE ingredient ADD COLUMN revision INT NOT NULL DEFAULT 1;
ALTER TABLE ingredient ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ingredient ADD COLUMN updated_by VARCHAR(50);

-- A code value identifies one ingredient only, or the identity gate could not tell two apart. The primary value
-- is kept on the ingredient (steps copy it) and also listed here, so one UNIQUE covers every kind of code.
-- Values are stored upper case, as the gate compares them without regard to case.
ALTER TABLE ingredient_code DROP CONSTRAINT ck_ingredient_code_kind;
ALTER TABLE ingredient_code ADD CONSTRAINT ck_ingredient_code_kind CHECK (kind IN ('primary', 'alternative', 'alias'));
UPDATE ingredient SET primary_code_value = UPPER(primary_code_value);
UPDATE ingredient_code SET code_value = UPPER(code_value);
-- a primary value also listed as one of the same ingredient's alternatives is kept once, as the primary
DELETE FROM ingredient_code
 WHERE EXISTS (SELECT 1 FROM ingredient i
                WHERE i.id = ingredient_code.ingredient_id AND i.primary_code_value = ingredient_code.code_value);
INSERT INTO ingredient_code (ingredient_id, code_value, kind) SELECT id, primary_code_value, 'primary' FROM ingredient;
ALTER TABLE ingredient_code ADD CONSTRAINT uq_ingredient_code_value UNIQUE (code_value);

-- Aliases are learned at the bench: a container code no ingredient knows, scanned for a step, is proposed as an
-- alias of that step's ingredient. The identity gate accepts it only once a lab lead has confirmed it.
ALTER TABLE ingredient_code ADD COLUMN learned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ingredient_code ADD COLUMN learned_by VARCHAR(50);
ALTER TABLE ingredient_code ADD COLUMN seen_count INT NOT NULL DEFAULT 1;
ALTER TABLE ingredient_code ADD COLUMN last_seen_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ingredient_code ADD COLUMN confirmed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE ingredient_code ADD COLUMN confirmed_by VARCHAR(50);

-- formulas
ALTER TABLE formula ADD COLUMN created_by VARCHAR(50);

-- A version is a draft, released or retired. draft_of and released_of hold the formula's id while the version
-- is in that state and NULL otherwise, so UNIQUE allows one open draft and one released version per formula.
ALTER TABLE formula_version ADD COLUMN revision INT NOT NULL DEFAULT 1;
ALTER TABLE formula_version ADD COLUMN created_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE formula_version ADD COLUMN created_by VARCHAR(50);
ALTER TABLE formula_version ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE formula_version ADD COLUMN updated_by VARCHAR(50);
ALTER TABLE formula_version ADD COLUMN release_meaning VARCHAR(100);
ALTER TABLE formula_version ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE formula_version ADD COLUMN retired_by VARCHAR(50);
ALTER TABLE formula_version ADD COLUMN retired_reason VARCHAR(500);
ALTER TABLE formula_version ADD COLUMN draft_of UUID;
ALTER TABLE formula_version ADD COLUMN released_of UUID;

-- before this version, a formula could in principle hold several released versions: the newest one stays
UPDATE formula_version SET status = 'retired', retired_reason = 'superseded by a later version'
 WHERE status = 'released'
   AND version_no < (SELECT MAX(r.version_no) FROM formula_version r
                      WHERE r.formula_id = formula_version.formula_id AND r.status = 'released');
UPDATE formula_version SET status = 'retired', retired_reason = 'superseded by a later draft'
 WHERE status = 'draft'
   AND version_no < (SELECT MAX(d.version_no) FROM formula_version d
                      WHERE d.formula_id = formula_version.formula_id AND d.status = 'draft');
UPDATE formula_version SET draft_of = formula_id WHERE status = 'draft';
UPDATE formula_version SET released_of = formula_id WHERE status = 'released';
UPDATE formula_version SET created_at = COALESCE(released_at, CURRENT_TIMESTAMP) WHERE created_at IS NULL;
UPDATE formula_version SET released_at = COALESCE(released_at, created_at),
                           released_by = COALESCE(released_by, '(before version 3)')
 WHERE status = 'released';

ALTER TABLE formula_version ALTER COLUMN created_at SET NOT NULL;
ALTER TABLE formula_version ADD CONSTRAINT uq_formula_open_draft UNIQUE (draft_of);
ALTER TABLE formula_version ADD CONSTRAINT uq_formula_released UNIQUE (released_of);
ALTER TABLE formula_version ADD CONSTRAINT ck_formula_version_draft_of CHECK (
    (status = 'draft' AND draft_of = formula_id) OR (status <> 'draft' AND draft_of IS NULL));
ALTER TABLE formula_version ADD CONSTRAINT ck_formula_version_released_of CHECK (
    (status = 'released' AND released_of = formula_id) OR (status <> 'released' AND released_of IS NULL));
ALTER TABLE formula_version ADD CONSTRAINT ck_formula_version_released_by CHECK (
    status = 'draft' OR (released_at IS NOT NULL AND released_by IS NOT NULL) OR retired_reason IS NOT NULL);

-- one ingredient appears once per version
ALTER TABLE formula_line ADD CONSTRAINT uq_formula_line_ingredient UNIQUE (formula_version_id, ingredient_id);

CREATE INDEX ix_session_version ON preparation_session (formula_version_id);

-- a catalogue change records every line of a version, old and new: room for the largest formula
ALTER TABLE audit_event ALTER COLUMN payload SET DATA TYPE VARCHAR(1000000);

-- A version carries its own name, frozen with it on release; formula.name is the name of the version in use.
ALTER TABLE formula_version ADD COLUMN name VARCHAR(200);
UPDATE formula_version SET name = (SELECT f.name FROM formula f WHERE f.id = formula_version.formula_id);
ALTER TABLE formula_version ALTER COLUMN name SET NOT NULL;
