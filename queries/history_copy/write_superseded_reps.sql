-- The rows of superseded_reps read from the history copied (loaded as `copied`), as they were.
INSERT INTO superseded_reps SELECT * FROM copied;
