-- What the file says about itself: is it ours, and which schema version is it at? (Fails
-- with a catalog error when there is no ssi_meta table: not an ssi-tui file.)
SELECT key, value FROM ssi_meta WHERE key IN ('app', 'schema_version');
