-- Every row of imports, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM imports;
