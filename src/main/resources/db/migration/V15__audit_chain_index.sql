-- Chains are read and appended in sequence order, which the unique (chain, seq) index of migration 12 serves; the
-- (chain, id) index of migration 2 no longer serves any query and only cost every append its upkeep.
DROP INDEX ix_audit_chain;
