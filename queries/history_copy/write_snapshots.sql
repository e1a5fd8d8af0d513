-- The rows of snapshots read from the history copied (loaded as `copied`), as they were.
INSERT INTO snapshots SELECT * FROM copied;
