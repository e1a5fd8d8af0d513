-- The rows of estimate_models read from the history copied (loaded as `copied`), as they were.
INSERT INTO estimate_models SELECT * FROM copied;
