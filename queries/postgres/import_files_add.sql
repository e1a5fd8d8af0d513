-- queries/import_files_add.sql, then the table's statistics: without them the planner took this
-- one-row table for thousands of rows and sorted a first import's 1.04 M rows to join it
-- (import_insert_snapshots.sql), ~1 s.
INSERT INTO import_files VALUES (?, ?);
ANALYZE import_files;
