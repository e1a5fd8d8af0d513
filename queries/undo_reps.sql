-- Undo (store/undo.py), after the snapshots, activities and aliases: every rep the change
-- changed or removed is put back as it was, and every rep it created is removed when nothing
-- refers to it any more (no snapshot, activity, target or alias). What each rep was just
-- before is kept under the undo's change_id (existed = false: the undo puts it back).
INSERT INTO superseded_reps (change_id, rep_id, existed, name, team, left_on)
SELECT u.undo, p.rep_id, r.rep_id IS NOT NULL, r.name, r.team, r.left_on
FROM superseded_reps AS p
JOIN undo_ids AS u ON p.change_id = u.target
LEFT JOIN reps AS r USING (rep_id)
WHERE p.existed;

UPDATE reps
SET name = p.name, team = p.team, left_on = p.left_on
FROM (
    SELECT p.* FROM superseded_reps AS p JOIN undo_ids AS u ON p.change_id = u.target
    WHERE p.existed
) AS p
WHERE reps.rep_id = p.rep_id;

INSERT INTO reps (rep_id, name, team, left_on)
SELECT p.rep_id, p.name, p.team, p.left_on
FROM superseded_reps AS p
JOIN undo_ids AS u ON p.change_id = u.target
WHERE p.existed AND p.rep_id NOT IN (SELECT rep_id FROM reps);

-- A rep created by the change, or by an earlier change undone since (kept then because this
-- change's rows were theirs), that this undo leaves with nothing referring to them.
CREATE OR REPLACE TEMP TABLE undo_gone_reps AS
SELECT DISTINCT p.rep_id
FROM superseded_reps AS p
JOIN changes AS c USING (change_id)
JOIN undo_ids AS u ON true
WHERE NOT p.existed
  AND (
      p.change_id = u.target
      OR (
          c.undone_by IS NOT NULL
          AND p.rep_id IN (
              SELECT q.rep_id FROM superseded_snapshots AS q
              WHERE q.change_id IN (u.target, u.undo)
          )
      )
  )
  AND p.rep_id IN (SELECT rep_id FROM reps)
  AND p.rep_id NOT IN (SELECT rep_id FROM snapshots)
  AND p.rep_id NOT IN (SELECT rep_id FROM activities)
  AND p.rep_id NOT IN (SELECT key FROM targets WHERE scope = 'rep')
  AND p.rep_id NOT IN (SELECT rep_id FROM rep_aliases);

INSERT INTO superseded_reps (change_id, rep_id, existed, name, team, left_on)
SELECT u.undo, r.rep_id, true, r.name, r.team, r.left_on
FROM reps AS r, undo_ids AS u
WHERE r.rep_id IN (SELECT rep_id FROM undo_gone_reps);

DELETE FROM reps WHERE rep_id IN (SELECT rep_id FROM undo_gone_reps);

DROP TABLE undo_gone_reps;
