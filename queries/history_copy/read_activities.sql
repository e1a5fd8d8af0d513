-- Every row of activities, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM activities;
