-- The rows of board_dates read from the history copied (loaded as `copied`), as they were.
INSERT INTO board_dates SELECT * FROM copied;
