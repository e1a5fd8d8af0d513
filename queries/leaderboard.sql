-- The leaderboard as of $as_of: each rep's latest snapshot on or before that date.
--   change     = that total minus the rep's latest total on or before (snapshot date - 7 days)
--   change_4w  = the same against (snapshot date - 28 days)
--   rank       = standing by total (ties broken by name), within the team filter
--   prev_rank  = the same standing on the board as of ($as_of - 7 days); NULL when not on it
-- $source: 'official', 'estimated', or 'best' (official where it exists, else estimated).
WITH chosen AS (
    SELECT s.*
    FROM snapshots AS s
    JOIN reps AS r USING (rep_id)
    WHERE s.snapshot_date <= $as_of
      AND ($team IS NULL OR r.team = $team)
      AND ($source = 'best' OR s.source = $source)
    QUALIFY $source <> 'best'
         OR row_number() OVER (
                PARTITION BY s.rep_id, s.snapshot_date ORDER BY s.source = 'official' DESC
            ) = 1
),
current AS (
    SELECT * FROM chosen
    QUALIFY row_number() OVER (PARTITION BY rep_id ORDER BY snapshot_date DESC) = 1
),
with_change AS (
    SELECT c.*, w.ssi AS ssi_week_ago
    FROM current AS c
    ASOF LEFT JOIN chosen AS w
      ON c.rep_id = w.rep_id AND c.snapshot_date - INTERVAL 7 DAY >= w.snapshot_date
),
with_changes AS (
    SELECT c.*, m.ssi AS ssi_4w_ago
    FROM with_change AS c
    ASOF LEFT JOIN chosen AS m
      ON c.rep_id = m.rep_id AND c.snapshot_date - INTERVAL 28 DAY >= m.snapshot_date
),
previous AS (
    SELECT p.rep_id, row_number() OVER (ORDER BY p.ssi DESC, lower(r.name), p.rep_id) AS prev_rank
    FROM (
        SELECT rep_id, arg_max(ssi, snapshot_date) AS ssi
        FROM chosen
        WHERE snapshot_date <= $as_of - INTERVAL 7 DAY
        GROUP BY rep_id
    ) AS p
    JOIN reps AS r USING (rep_id)
)
SELECT
    row_number() OVER (ORDER BY c.ssi DESC, lower(r.name), c.rep_id) AS rank,
    c.rep_id,
    r.name,
    r.team,
    c.ssi,
    c.brand,
    c.people,
    c.insights,
    c.relationships,
    round(c.ssi - c.ssi_week_ago, 3) AS change,
    round(c.ssi - c.ssi_4w_ago, 3) AS change_4w,
    c.snapshot_date AS as_of,
    p.prev_rank,
    c.industry_rank,
    c.network_rank,
    c.industry_avg,
    c.network_avg,
    c.source
FROM with_changes AS c
JOIN reps AS r USING (rep_id)
LEFT JOIN previous AS p USING (rep_id)
ORDER BY rank;
