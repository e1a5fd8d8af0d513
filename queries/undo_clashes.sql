-- The changes after $target, in force (not undone, not themselves undos), that an undo of
-- $target would overrule: they wrote or replaced a snapshot or activity row (rep, date,
-- source) that $target wrote or replaced, or changed a rep or an alias $target changed.
-- Newest first: the first to undo.
WITH target_imports AS (
    SELECT import_id FROM imports WHERE change_id = $target
),
later AS (
    SELECT change_id FROM changes
    WHERE change_id > $target AND undone_by IS NULL AND kind <> 'undo'
),
later_imports AS (
    SELECT import_id, change_id FROM imports WHERE change_id IN (SELECT change_id FROM later)
),
-- What $target wrote (still there, or since replaced by a later change) or replaced.
mine AS (
    SELECT rep_id, snapshot_date, source FROM snapshots
    WHERE import_id IN (SELECT import_id FROM target_imports)
    UNION
    SELECT rep_id, snapshot_date, source FROM superseded_snapshots
    WHERE change_id = $target OR import_id IN (SELECT import_id FROM target_imports)
),
theirs AS (
    SELECT i.change_id, s.rep_id, s.snapshot_date, s.source
    FROM snapshots AS s JOIN later_imports AS i USING (import_id)
    UNION
    SELECT change_id, rep_id, snapshot_date, source FROM superseded_snapshots
    WHERE change_id IN (SELECT change_id FROM later)
),
mine_activities AS (
    SELECT rep_id, snapshot_date FROM activities
    WHERE import_id IN (SELECT import_id FROM target_imports)
    UNION
    SELECT rep_id, snapshot_date FROM superseded_activities
    WHERE change_id = $target OR import_id IN (SELECT import_id FROM target_imports)
),
theirs_activities AS (
    SELECT i.change_id, a.rep_id, a.snapshot_date
    FROM activities AS a JOIN later_imports AS i USING (import_id)
    UNION
    SELECT change_id, rep_id, snapshot_date FROM superseded_activities
    WHERE change_id IN (SELECT change_id FROM later)
),
clashing AS (
    SELECT t.change_id FROM theirs AS t JOIN mine USING (rep_id, snapshot_date, source)
    UNION
    SELECT t.change_id FROM theirs_activities AS t JOIN mine_activities USING (rep_id, snapshot_date)
    UNION
    SELECT t.change_id FROM superseded_reps AS t
    WHERE t.change_id IN (SELECT change_id FROM later)
      AND t.rep_id IN (SELECT rep_id FROM superseded_reps WHERE change_id = $target)
    UNION
    SELECT t.change_id FROM superseded_aliases AS t
    WHERE t.change_id IN (SELECT change_id FROM later)
      AND t.alias IN (SELECT alias FROM superseded_aliases WHERE change_id = $target)
)
SELECT change_id, kind, summary
FROM changes
WHERE change_id IN (SELECT change_id FROM clashing)
ORDER BY change_id DESC;
