-- The file of the import's connection (store.bound_memory spills beside it).
SELECT path FROM duckdb_databases() WHERE database_name = current_database();
