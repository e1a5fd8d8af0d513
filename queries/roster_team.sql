-- A rep's new team, NULL for none (kept first: roster_keep_rep.sql).
UPDATE reps SET team = $team WHERE rep_id = $rep_id;
