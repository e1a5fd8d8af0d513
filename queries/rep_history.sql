-- One rep's name and team, with their every snapshot on or before $as_of, newest first (the
-- drill-down's title and history, in one statement so the drill-down reads the file once).
-- A rep with no such snapshot gives one row with NULL snapshot columns; an unknown rep, none.
-- $source: 'official', 'estimated', or 'best' (official where it exists for that date, else
-- estimated), chosen exactly as in leaderboard.sql so the panel agrees with the board.
-- `mine` is MATERIALIZED so the 1M-row snapshots table is scanned once: choosing per date in
-- the same SELECT makes DuckDB join the table back to itself by rowid.
WITH mine AS MATERIALIZED (
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
),
chosen AS (
    SELECT * FROM mine
    QUALIFY $source <> 'best'
         OR row_number() OVER (
                PARTITION BY snapshot_date ORDER BY source = 'official' DESC
            ) = 1
)
SELECT r.name, r.team, c.*
FROM reps AS r
LEFT JOIN chosen AS c ON true
WHERE r.rep_id = $rep_id
ORDER BY c.snapshot_date DESC;
