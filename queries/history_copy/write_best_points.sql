-- The rows of best_points read from the history copied (loaded as `copied`), as they were.
INSERT INTO best_points SELECT * FROM copied;
