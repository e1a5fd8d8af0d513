-- The rows of superseded_aliases read from the history copied (loaded as `copied`), as they were.
INSERT INTO superseded_aliases SELECT * FROM copied;
