-- Every row of targets, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM targets;
