-- How many reps a change created, changed or removed (its superseded_reps rows).
SELECT count(DISTINCT rep_id) FROM superseded_reps WHERE change_id = ?;
