-- One writer at a time: held until the transaction ends, so two imports (or an import and a
-- correction) from two machines are serialised, never interleaved.
SELECT pg_advisory_xact_lock(hashtext('ssi-tui write'));
