-- Undo (store/undo.py): every alias the change added is removed and every one it changed or
-- removed put back; what each was just before is kept under the undo's change_id.
INSERT INTO superseded_aliases (change_id, alias, rep_id)
SELECT u.undo, p.alias, a.rep_id
FROM superseded_aliases AS p
JOIN undo_ids AS u ON p.change_id = u.target
LEFT JOIN rep_aliases AS a ON a.alias = p.alias;

DELETE FROM rep_aliases
WHERE alias IN (
    SELECT p.alias FROM superseded_aliases AS p JOIN undo_ids AS u ON p.change_id = u.target
    WHERE p.rep_id IS NULL
);

INSERT INTO rep_aliases (alias, rep_id)
SELECT p.alias, p.rep_id
FROM superseded_aliases AS p
JOIN undo_ids AS u ON p.change_id = u.target
WHERE p.rep_id IS NOT NULL
ON CONFLICT (alias) DO UPDATE SET rep_id = excluded.rep_id;
