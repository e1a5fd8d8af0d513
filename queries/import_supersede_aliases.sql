-- Before import_aliases_add.sql: the e-mails and profiles the import adds, kept under its
-- change ($1) with rep_id NULL (the alias did not exist), so an undo removes them.
INSERT INTO superseded_aliases (change_id, alias, rep_id)
SELECT DISTINCT ?, given, NULL::VARCHAR
FROM rep_map
WHERE how = 'adopt' AND rep_id IS NOT NULL
  AND given NOT IN (SELECT alias FROM rep_aliases);
