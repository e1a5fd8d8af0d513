-- Before import_update_snapshots.sql: the stored snapshots the import corrects, as they were,
-- kept under its change ($1): a correction never loses the value it replaces.
INSERT INTO superseded_snapshots BY NAME
SELECT ? AS change_id, s.* EXCLUDE (until, change, change_4w)
FROM snapshots AS s
JOIN staged AS u
  ON s.rep_id = u.rep_id AND s.snapshot_date = u.snapshot_date AND s.source = u.source
WHERE u.status = 'updated';
