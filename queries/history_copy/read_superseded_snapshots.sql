-- Every row of superseded_snapshots, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM superseded_snapshots;
