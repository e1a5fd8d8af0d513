-- queries/import_resolved_plain.sql: a view replaced only by one of the same columns here, so
-- dropped first.
DROP VIEW IF EXISTS resolved;
CREATE TEMP VIEW resolved AS SELECT * FROM incoming;
