-- Every snapshot date, oldest first: the steps of the as-of date.
SELECT DISTINCT d FROM board_dates
WHERE ($source = 'best' OR source = $source)
ORDER BY d;
