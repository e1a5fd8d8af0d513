-- The fast path's batch (canonical_incoming.sql) has no line numbers: the column the writer
-- reads them from (import_warnings.sql), empty.
ALTER TABLE incoming ADD COLUMN IF NOT EXISTS line BIGINT;
