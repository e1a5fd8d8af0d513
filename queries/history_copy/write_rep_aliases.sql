-- The rows of rep_aliases read from the history copied (loaded as `copied`), as they were.
INSERT INTO rep_aliases SELECT * FROM copied;
