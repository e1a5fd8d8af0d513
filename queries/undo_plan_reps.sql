-- The reps an undo of $target would change: each rep it changed, put back as it was
-- (existed), and each rep it created (or an earlier change, undone since, created and its rows
-- kept) removed when nothing else refers to them any more: no snapshot, activity, target or
-- alias but the ones the undo removes (undo_reps.sql does the same on the tables after).
WITH target_imports AS (
    SELECT import_id FROM imports WHERE change_id = $target
),
touched AS (
    SELECT rep_id FROM snapshots WHERE import_id IN (SELECT import_id FROM target_imports)
    UNION
    SELECT rep_id FROM superseded_snapshots WHERE change_id = $target
),
candidates AS (
    SELECT DISTINCT p.rep_id, p.existed, p.name, p.team
    FROM superseded_reps AS p
    JOIN changes AS c USING (change_id)
    WHERE p.change_id = $target
       OR (NOT p.existed AND c.undone_by IS NOT NULL AND p.rep_id IN (SELECT rep_id FROM touched))
)
SELECT
    p.rep_id,
    p.existed,
    r.name AS name_now,
    r.team AS team_now,
    p.name AS name_then,
    p.team AS team_then
FROM candidates AS p
LEFT JOIN reps AS r USING (rep_id)
WHERE p.existed
   OR (
       r.rep_id IS NOT NULL
       AND NOT EXISTS (
           SELECT 1 FROM snapshots AS s
           WHERE s.rep_id = p.rep_id
             AND s.import_id NOT IN (SELECT import_id FROM target_imports)
       )
       AND NOT EXISTS (
           SELECT 1 FROM activities AS a
           WHERE a.rep_id = p.rep_id
             AND a.import_id NOT IN (SELECT import_id FROM target_imports)
       )
       AND NOT EXISTS (
           SELECT 1 FROM superseded_snapshots AS q
           WHERE q.change_id = $target AND q.rep_id = p.rep_id
       )
       AND NOT EXISTS (SELECT 1 FROM targets AS t WHERE t.scope = 'rep' AND t.key = p.rep_id)
       AND NOT EXISTS (
           SELECT 1 FROM rep_aliases AS a
           WHERE a.rep_id = p.rep_id
             AND a.alias NOT IN (
                 SELECT alias FROM superseded_aliases
                 WHERE change_id = $target AND rep_id IS NULL
             )
       )
   )
ORDER BY p.existed DESC, lower(coalesce(r.name, p.rep_id)), p.rep_id;
