-- Containers as they are labelled (issue 12): an ingredient may require its lot and expiry on record. When the label
-- scanned carries neither (a bare GTIN, a bare code value), the bench asks for them before weighing. The step keeps
-- the setting as it was when the preparation started.
ALTER TABLE ingredient ADD COLUMN lot_required BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE preparation_step ADD COLUMN lot_required BOOLEAN DEFAULT FALSE NOT NULL;
