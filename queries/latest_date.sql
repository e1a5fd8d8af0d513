-- The newest snapshot date in the file (the board's default as-of date).
SELECT max(snapshot_date) FROM snapshots WHERE ($source = 'best' OR source = $source);
