-- The tables of a history built locally for a server (store/postgres_build.py), each sent whole:
-- every table of the file's schema but ssi_meta (what each store says about itself).
SELECT table_name
FROM duckdb_tables()
WHERE schema_name = 'main' AND NOT temporary AND table_name <> 'ssi_meta'
ORDER BY table_name;
