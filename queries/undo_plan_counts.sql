-- What an undo of $target would do to the snapshots and activities: rows it wrote are removed,
-- rows it replaced or removed are put back (a key in both: a corrected value given back).
WITH target_imports AS (
    SELECT import_id FROM imports WHERE change_id = $target
),
removed AS (
    SELECT rep_id, snapshot_date, source FROM snapshots
    WHERE import_id IN (SELECT import_id FROM target_imports)
),
restored AS (
    SELECT rep_id, snapshot_date, source FROM superseded_snapshots WHERE change_id = $target
),
snapshot_counts AS (
    SELECT
        count(*) FILTER (WHERE r.rep_id IS NULL) AS restored,
        count(*) FILTER (WHERE r.rep_id IS NOT NULL AND b.rep_id IS NOT NULL) AS given_back,
        count(*) FILTER (WHERE b.rep_id IS NULL) AS removed
    FROM removed AS r
    FULL OUTER JOIN restored AS b
      ON r.rep_id = b.rep_id AND r.snapshot_date = b.snapshot_date AND r.source = b.source
)
SELECT
    restored,
    given_back,
    removed,
    (SELECT count(*) FROM activities WHERE import_id IN (SELECT import_id FROM target_imports))
        AS activities_removed,
    (SELECT count(*) FROM superseded_activities WHERE change_id = $target) AS activities_restored
FROM snapshot_counts;
