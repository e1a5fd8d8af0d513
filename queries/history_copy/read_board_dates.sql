-- Every row of board_dates, as it is, for `ssi-tui copy` (importing/history_copy.py).
SELECT * FROM board_dates;
