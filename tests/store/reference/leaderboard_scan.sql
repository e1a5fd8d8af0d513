-- The leaderboard as of $as_of: each rep's latest snapshot on or before that date.
--   change     = that total minus the rep's latest total on or before (snapshot date - 7 days)
--   change_4w  = the same against (snapshot date - 28 days)
--   rank       = standing by total (ties broken by name), within the team filter
--   prev_rank  = the same standing on the board as of ($as_of - 7 days); NULL when not on it
-- $source: 'official', 'estimated', or 'best' (official where it exists, else estimated).
--
-- Speed (10,000 reps x 104 weeks): every "latest row" is an arg_max per rep over the key
-- k = (date, official first), which also makes the 'best' choice, so no window or ASOF join
-- over the million snapshots is needed and no per-(rep, date) de-duplication either.
WITH base AS NOT MATERIALIZED (
    SELECT
        s.*,
        (s.snapshot_date - DATE '1970-01-01') * 2 + (s.source = 'official')::INTEGER AS k
    FROM snapshots AS s
    JOIN reps AS r USING (rep_id)
    WHERE s.snapshot_date <= $as_of
      AND ($team IS NULL OR r.team = $team)
      AND NOT list_contains($excluded, lower(s.rep_id))
      AND NOT list_contains($excluded, lower(r.name))
      AND ($source = 'best' OR s.source = $source)
),
latest AS (
    SELECT
        rep_id,
        arg_max(
            struct_pack(snapshot_date, source, ssi, brand, people, insights, relationships,
                        industry_rank, network_rank, industry_avg, network_avg),
            k
        ) AS c,
        arg_max(ssi, k) FILTER (WHERE snapshot_date <= $as_of - INTERVAL 7 DAY) AS prev_ssi
    FROM base
    GROUP BY rep_id
),
cutoffs AS (
    SELECT rep_id, c.snapshot_date - 7 AS week_ago, c.snapshot_date - 28 AS four_weeks_ago
    FROM latest
),
earlier AS (
    SELECT
        b.rep_id,
        arg_max(b.ssi, b.k) AS ssi_week_ago,
        arg_max(b.ssi, b.k) FILTER (WHERE b.snapshot_date <= x.four_weeks_ago) AS ssi_4w_ago
    FROM base AS b
    JOIN cutoffs AS x USING (rep_id)
    WHERE b.snapshot_date <= x.week_ago
    GROUP BY b.rep_id
),
previous AS (
    SELECT
        l.rep_id,
        row_number() OVER (ORDER BY l.prev_ssi DESC, lower(r.name), l.rep_id) AS prev_rank
    FROM latest AS l
    JOIN reps AS r USING (rep_id)
    WHERE l.prev_ssi IS NOT NULL
)
SELECT
    row_number() OVER (ORDER BY l.c.ssi DESC, lower(r.name), l.rep_id) AS rank,
    l.rep_id,
    r.name,
    r.team,
    l.c.ssi,
    l.c.brand,
    l.c.people,
    l.c.insights,
    l.c.relationships,
    -- Issue #20 (#7): a snapshot from a week before the board's has no current change.
    CASE
        WHEN l.c.snapshot_date >= date_trunc('week', $as_of)
        THEN round(l.c.ssi - e.ssi_week_ago, 3)
    END AS change,
    CASE
        WHEN l.c.snapshot_date >= date_trunc('week', $as_of)
        THEN round(l.c.ssi - e.ssi_4w_ago, 3)
    END AS change_4w,
    l.c.snapshot_date AS as_of,
    p.prev_rank,
    l.c.industry_rank,
    l.c.network_rank,
    l.c.industry_avg,
    l.c.network_avg,
    l.c.source
FROM latest AS l
JOIN reps AS r USING (rep_id)
LEFT JOIN earlier AS e USING (rep_id)
LEFT JOIN previous AS p USING (rep_id)
ORDER BY rank;
