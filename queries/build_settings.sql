-- What a history built locally for a server keeps besides its identity (store/postgres_build.py):
-- its settings, sent with its rows; the server's history has its own app and schema version.
SELECT key, value FROM ssi_meta WHERE key NOT IN ('app', 'schema_version') ORDER BY key;
