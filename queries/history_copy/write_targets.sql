-- The rows of targets read from the history copied (loaded as `copied`), as they were.
INSERT INTO targets SELECT * FROM copied;
