-- Rows added / updated / unchanged, per file of the import: every incoming row is read, and
-- those not in `staged` (import_classify.sql) are unchanged (so is a row that repeats another
-- of the same rep and date, see import_resolved_mapped.sql). Reps are counted as the store
-- knows them (`resolved`).
WITH read AS (
    SELECT
        file_index,
        count(*) AS total,
        min(snapshot_date) AS first_date,
        max(snapshot_date) AS last_date
    FROM incoming
    GROUP BY file_index
),
reps AS (
    SELECT file_index, count(DISTINCT rep_id) AS reps FROM resolved GROUP BY file_index
),
changed AS (
    SELECT
        file_index,
        count(*) FILTER (WHERE status = 'added') AS added,
        count(*) FILTER (WHERE status = 'updated') AS updated
    FROM staged
    GROUP BY file_index
)
SELECT
    r.file_index,
    coalesce(c.added, 0) AS added,
    coalesce(c.updated, 0) AS updated,
    r.total - coalesce(c.added, 0) - coalesce(c.updated, 0) AS unchanged,
    coalesce(p.reps, 0) AS reps,
    r.first_date,
    r.last_date
FROM read AS r
LEFT JOIN reps AS p USING (file_index)
LEFT JOIN changed AS c USING (file_index)
ORDER BY r.file_index;
