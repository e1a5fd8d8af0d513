-- A rep's new name (kept first: roster_keep_rep.sql).
UPDATE reps SET name = $name WHERE rep_id = $rep_id;
