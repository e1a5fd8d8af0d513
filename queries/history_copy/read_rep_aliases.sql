-- Every row of rep_aliases, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM rep_aliases;
