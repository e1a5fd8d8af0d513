-- Drop what import_rep_map.sql and import_resolved_*.sql made, before the batch is
-- unregistered.
DROP VIEW IF EXISTS resolved;
DROP TABLE IF EXISTS resolved_rows;
DROP TABLE IF EXISTS rep_map;
DROP TABLE IF EXISTS rep_changes;
DROP TABLE IF EXISTS corrected;
