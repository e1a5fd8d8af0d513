-- One rep's every snapshot on or before $as_of, newest first (the drill-down's history).
-- $source: 'official', 'estimated', or 'best' (official where it exists for that date, else
-- estimated), chosen exactly as in leaderboard.sql so the panel agrees with the board.
SELECT
    s.snapshot_date,
    s.source,
    s.ssi,
    s.brand,
    s.people,
    s.insights,
    s.relationships,
    s.industry_rank,
    s.network_rank,
    s.industry_avg,
    s.network_avg
FROM snapshots AS s
WHERE s.rep_id = $rep_id
  AND s.snapshot_date <= $as_of
  AND ($source = 'best' OR s.source = $source)
QUALIFY $source <> 'best'
     OR row_number() OVER (
            PARTITION BY s.snapshot_date ORDER BY s.source = 'official' DESC
        ) = 1
ORDER BY s.snapshot_date DESC;
