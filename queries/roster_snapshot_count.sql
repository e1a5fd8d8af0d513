-- How many snapshots a rep has (what deleting them removes).
SELECT count(*) FROM snapshots WHERE rep_id = $rep_id;
