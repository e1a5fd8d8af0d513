-- Before activity_update.sql: the stored activity rows the import corrects (or rescores), as
-- they were, kept under its change ($1).
INSERT INTO superseded_activities BY NAME
SELECT ? AS change_id, a.*
FROM activities AS a
JOIN staged_activities AS u
  ON a.rep_id = u.rep_id AND a.snapshot_date = u.snapshot_date
WHERE u.status = 'updated';
