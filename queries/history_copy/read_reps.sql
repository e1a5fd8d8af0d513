-- Every row of reps, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM reps;
