-- A stable number per rep for anonymised views: order of first appearance in the history,
-- so adding this week's new hire never renumbers anyone already on the board.
SELECT r.rep_id, row_number() OVER (ORDER BY min(s.snapshot_date), r.rep_id) AS number
FROM reps AS r
LEFT JOIN snapshots AS s USING (rep_id)
GROUP BY r.rep_id;
