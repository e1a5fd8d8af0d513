-- The dates one rep has activity metrics for, newest first (named when a date has none).
SELECT snapshot_date FROM activities WHERE rep_id = $rep_id ORDER BY snapshot_date DESC;
