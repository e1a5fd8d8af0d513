-- The rows of imports read from the history copied (loaded as `copied`), as they were.
INSERT INTO imports SELECT * FROM copied;
