-- Every row of estimate_models, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM estimate_models;
