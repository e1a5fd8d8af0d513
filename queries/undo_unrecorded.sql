-- Whether change $1 corrected rows without keeping them: an import made before schema version
-- 7 (migrations/0007_changes.sql made its change from the import log, with no copies).
SELECT NOT EXISTS (SELECT 1 FROM superseded_snapshots WHERE change_id = $1)
   AND NOT EXISTS (SELECT 1 FROM superseded_activities WHERE change_id = $1);
