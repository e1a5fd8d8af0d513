-- Rows added / updated / unchanged, per activity file of the import. A row whose measures are
-- unchanged still counts as updated when its estimated snapshot changes (another model), i.e.
-- is in `staged`, which holds only the snapshots that change.
SELECT
    a.file_index,
    count(*) FILTER (WHERE a.status = 'added') AS added,
    count(*) FILTER (
        WHERE a.status = 'updated' OR (a.status = 'unchanged' AND s.rep_id IS NOT NULL)
    ) AS updated,
    count(*) FILTER (
        WHERE a.status = 'unchanged' AND s.rep_id IS NULL
    ) AS unchanged,
    count(DISTINCT a.rep_id) AS reps,
    min(a.snapshot_date) AS first_date,
    max(a.snapshot_date) AS last_date
FROM staged_activities AS a
LEFT JOIN staged AS s
  ON s.rep_id = a.rep_id
 AND s.snapshot_date = a.snapshot_date
 AND s.source = 'estimated'
 AND s.file_index = a.file_index
GROUP BY a.file_index
ORDER BY a.file_index;
