-- Every change (store/history.py), newest first: what `ssi-tui history` and the app list.
SELECT change_id, kind, made_at, summary, added, corrected, removed, reps, undoes, undone_by
FROM changes
ORDER BY change_id DESC;
