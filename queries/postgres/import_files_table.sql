-- queries/import_files_table.sql: a temp table replaced by dropping it first.
DROP TABLE IF EXISTS import_files;
CREATE TEMP TABLE import_files (file_index INTEGER, import_id INTEGER);
