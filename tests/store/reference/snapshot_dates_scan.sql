-- Every snapshot date, oldest first: the steps of the as-of date.
SELECT DISTINCT snapshot_date FROM snapshots
WHERE ($source = 'best' OR source = $source)
ORDER BY snapshot_date;
