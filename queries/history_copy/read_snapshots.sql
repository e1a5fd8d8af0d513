-- Every row of snapshots, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM snapshots;
