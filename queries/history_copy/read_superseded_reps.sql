-- Every row of superseded_reps, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM superseded_reps;
