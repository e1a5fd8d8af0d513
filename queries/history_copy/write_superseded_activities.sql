-- The rows of superseded_activities read from the history copied (loaded as `copied`), as they were.
INSERT INTO superseded_activities SELECT * FROM copied;
