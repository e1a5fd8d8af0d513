-- The rows of superseded_snapshots read from the history copied (loaded as `copied`), as they were.
INSERT INTO superseded_snapshots SELECT * FROM copied;
