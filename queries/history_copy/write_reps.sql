-- The rows of reps read from the history copied (loaded as `copied`), as they were.
INSERT INTO reps SELECT * FROM copied;
