-- The official snapshot of one rep and date, as an entry left it (importing/entry.py).
SELECT ssi, brand, people, insights, relationships,
       industry_rank, network_rank, industry_avg, network_avg
FROM snapshots
WHERE rep_id = $rep_id AND snapshot_date = $snapshot_date AND source = 'official';
