-- Every row of changes, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM changes;
