-- Every row of superseded_activities, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM superseded_activities;
