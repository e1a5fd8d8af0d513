-- Rows added / updated / unchanged, per file of the import: every incoming row is read, and
-- those not in `staged` (import_classify.sql) are unchanged.
WITH read AS (
    SELECT
        file_index,
        count(*) AS total,
        count(DISTINCT rep_id) AS reps,
        min(snapshot_date) AS first_date,
        max(snapshot_date) AS last_date
    FROM incoming
    GROUP BY file_index
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
    r.reps,
    r.first_date,
    r.last_date
FROM read AS r
LEFT JOIN changed AS c USING (file_index)
ORDER BY r.file_index;
