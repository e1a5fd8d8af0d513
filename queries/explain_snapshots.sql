-- One rep's snapshots on one date, official and estimated (set beside an explained estimate).
SELECT source, ssi, brand, people, insights, relationships
FROM snapshots
WHERE rep_id = $rep_id AND snapshot_date = $date;
