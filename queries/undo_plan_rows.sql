-- The snapshots an undo of $target would remove or put back, per rep and date (the first
-- $limit): the total now and after the undo (NULL: no snapshot).
WITH target_imports AS (
    SELECT import_id FROM imports WHERE change_id = $target
),
removed AS (
    SELECT rep_id, snapshot_date, source, ssi FROM snapshots
    WHERE import_id IN (SELECT import_id FROM target_imports)
),
restored AS (
    SELECT rep_id, snapshot_date, source, ssi FROM superseded_snapshots WHERE change_id = $target
),
both_sides AS (
    SELECT
        coalesce(r.rep_id, b.rep_id) AS rep_id,
        coalesce(r.snapshot_date, b.snapshot_date) AS snapshot_date,
        coalesce(r.source, b.source) AS source,
        r.ssi AS now,
        b.ssi AS after
    FROM removed AS r
    FULL OUTER JOIN restored AS b
      ON r.rep_id = b.rep_id AND r.snapshot_date = b.snapshot_date AND r.source = b.source
)
SELECT
    x.rep_id,
    coalesce(p.name, x.rep_id) AS name,
    x.snapshot_date,
    x.source,
    x.now,
    x.after
FROM both_sides AS x
LEFT JOIN reps AS p USING (rep_id)
ORDER BY x.snapshot_date, lower(coalesce(p.name, x.rep_id)), x.rep_id, x.source
LIMIT $limit;
