-- One change by its id (store/history.py).
SELECT change_id, kind, made_at, summary, added, corrected, removed, reps, undoes, undone_by
FROM changes
WHERE change_id = ?;
