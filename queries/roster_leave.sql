-- The day a rep left: off the boards after it (kept first: roster_keep_rep.sql).
UPDATE reps SET left_on = $left_on WHERE rep_id = $rep_id;
