-- Rows added / updated / unchanged, per file of the import.
SELECT
    file_index,
    count(*) FILTER (WHERE status = 'added') AS added,
    count(*) FILTER (WHERE status = 'updated') AS updated,
    count(*) FILTER (WHERE status = 'unchanged') AS unchanged,
    count(DISTINCT rep_id) AS reps,
    min(snapshot_date) AS first_date,
    max(snapshot_date) AS last_date
FROM staged
GROUP BY file_index
ORDER BY file_index;
