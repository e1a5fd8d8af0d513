-- A dry run into a file made before schema version 6 (opened as it is, read-only): no rep has
-- adopted an id yet, which an empty temporary rep_aliases says to import_rep_map.sql.
CREATE TEMP TABLE IF NOT EXISTS rep_aliases (alias VARCHAR, rep_id VARCHAR);
