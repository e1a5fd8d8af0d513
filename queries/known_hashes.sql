-- Content hashes of every file imported so far: the exact same file is never read twice
-- (unless its import was undone; typed and pasted snapshots have no hash).
SELECT DISTINCT content_hash FROM imports
WHERE content_hash <> ''
  AND coalesce(change_id, 0) NOT IN (
      SELECT change_id FROM changes WHERE undone_by IS NOT NULL
  );
