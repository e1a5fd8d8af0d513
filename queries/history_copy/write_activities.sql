-- The rows of activities read from the history copied (loaded as `copied`), as they were.
INSERT INTO activities SELECT * FROM copied;
