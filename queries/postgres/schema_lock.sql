-- One client at a time creates or migrates the history (held until the transaction ends).
SELECT pg_advisory_xact_lock(hashtext('ssi-tui schema'));
