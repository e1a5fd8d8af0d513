-- Every row of best_points, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM best_points;
