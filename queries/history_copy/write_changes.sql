-- The rows of changes read from the history copied (loaded as `copied`), as they were.
INSERT INTO changes SELECT * FROM copied;
