-- The leaderboard as of $as_of, read from the board's points (see
-- migrations/0005_points_in_snapshots.sql): each rep's point in force on $as_of, i.e. their
-- latest snapshot on or before that date.
--   change, change_4w = stored with the point (total minus the total 7 / 28 days earlier)
--   rank       = standing by total (ties broken by name), within the team filter
--   prev_rank  = the same standing on the board as of ($as_of - 7 days); NULL when not on it
--   *_recent, *_older = the weekly values of each series for the 12 ISO weeks ending with the
--                as-of week, from each week's last point on or before $as_of, packed 10 bits a
--                week: weeks ago 0-5 in *_recent, 6-11 in *_older (BIGINTs: a HUGEINT each
--                made the fetch twice as slow). Bits 10w.. of a half hold its week w: 0 = a
--                week before the rep's first snapshot, 1 = a week without one after it (or
--                whose last snapshot gave a total alone: a NULL pillar adds nothing, so that
--                pillar's week is a gap, never a 0), else 2 + the value in tenths. Scaled and spelled out as bars by board.Trends only
--                for the rows on screen, on either scale.
--   weeks_old  = how many ISO weeks the snapshot shown is older than the board's week; when
--                above 0 the row is stale and change, change_4w are NULL (not from weeks before)
--   target     = the rep's own target, else their team's, else the history's default (ssi_meta
--                'default_target', store/settings.py), else $default_target (the config's)
--   left_on    = a rep who left (reps.left_on) is on the boards up to that date, not after it
-- $source: 'official', 'estimated', or 'best' (official where it exists, else estimated).
-- $with_trends: FALSE leaves the *_trend columns NULL (the CLI prints no sparklines).
WITH shown AS (
    SELECT rep_id, name, team, left_on
    FROM reps
    WHERE ($team IS NULL OR team = $team)
      AND (left_on IS NULL OR left_on >= $as_of - 7)
      AND NOT list_contains($excluded, lower(rep_id))
      AND NOT list_contains($excluded, lower(name))
),
-- A rep's points: their snapshots of $source; for 'best', those of a rep with one source, and
-- best_points for a rep with both.
points AS NOT MATERIALIZED (
    SELECT
        rep_id, snapshot_date AS d, until, source, ssi, brand, people, insights, relationships,
        industry_rank, network_rank, industry_avg, network_avg, change, change_4w
    FROM snapshots
    WHERE (
            source = $source
            OR ($source = 'best' AND rep_id NOT IN (SELECT rep_id FROM best_points))
        )
      AND rep_id IN (SELECT rep_id FROM shown)
    UNION ALL
    SELECT
        rep_id, d, until, source, ssi, brand, people, insights, relationships,
        industry_rank, network_rank, industry_avg, network_avg, change, change_4w
    FROM best_points
    WHERE $source = 'best' AND rep_id IN (SELECT rep_id FROM shown)
),
-- The points any part below reads, in one pass over the million snapshots: in force on some
-- day of the last twelve weeks (or, without trends, of the last week).
recent AS MATERIALIZED (
    SELECT *
    FROM points
    WHERE d <= $as_of
      AND until > CASE
          WHEN $with_trends THEN date_trunc('week', $as_of) - INTERVAL 77 DAY
          ELSE $as_of - 7
      END
),
current AS (
    SELECT p.*, s.name, s.team
    FROM recent AS p
    JOIN shown AS s USING (rep_id)
    WHERE p.d <= $as_of AND p.until > $as_of
      AND (s.left_on IS NULL OR s.left_on >= $as_of)
),
previous AS (
    SELECT
        p.rep_id,
        row_number() OVER (ORDER BY p.ssi DESC, lower(s.name), p.rep_id) AS prev_rank
    FROM recent AS p
    JOIN shown AS s USING (rep_id)
    WHERE p.d <= $as_of - 7 AND p.until > $as_of - 7
      AND (s.left_on IS NULL OR s.left_on >= $as_of - 7)
),
-- Each point of the last twelve weeks, shifted into its week's place in its half (see
-- *_recent, *_older above) where it is its week's last on or before $as_of: the next point is
-- later than $as_of or falls in a later week.
packed AS (
    SELECT
        rep_id,
        datediff('day', date_trunc('week', d), date_trunc('week', $as_of)) // 7 AS weeks_ago,
        d >= date_trunc('week', $as_of) - INTERVAL 77 DAY
            AND (until > $as_of OR date_trunc('week', until) > date_trunc('week', d))
            AS weeks_last,
        (1 + round(ssi * 10)::BIGINT) << (10 * (weeks_ago % 6)) AS ssi,
        (1 + round(brand * 10)::BIGINT) << (10 * (weeks_ago % 6)) AS brand,
        (1 + round(people * 10)::BIGINT) << (10 * (weeks_ago % 6)) AS people,
        (1 + round(insights * 10)::BIGINT) << (10 * (weeks_ago % 6)) AS insights,
        (1 + round(relationships * 10)::BIGINT) << (10 * (weeks_ago % 6)) AS relationships
    FROM recent
    WHERE $with_trends
),
sums AS (
    SELECT
        rep_id,
        -- Weeks from the rep's first snapshot (all twelve with one before them) to the as-of week.
        1 + least(11, max(weeks_ago)) AS weeks,
        sum(ssi) FILTER (weeks_last AND weeks_ago < 6) AS ssi_recent,
        sum(ssi) FILTER (weeks_last AND weeks_ago >= 6) AS ssi_older,
        sum(brand) FILTER (weeks_last AND weeks_ago < 6) AS brand_recent,
        sum(brand) FILTER (weeks_last AND weeks_ago >= 6) AS brand_older,
        sum(people) FILTER (weeks_last AND weeks_ago < 6) AS people_recent,
        sum(people) FILTER (weeks_last AND weeks_ago >= 6) AS people_older,
        sum(insights) FILTER (weeks_last AND weeks_ago < 6) AS insights_recent,
        sum(insights) FILTER (weeks_last AND weeks_ago >= 6) AS insights_older,
        sum(relationships) FILTER (weeks_last AND weeks_ago < 6) AS relationships_recent,
        sum(relationships) FILTER (weeks_last AND weeks_ago >= 6) AS relationships_older
    FROM packed
    GROUP BY rep_id
),
-- 1 in every week of those: the mark of a week without a snapshot; a snapshot adds to it.
trends AS (
    SELECT
        *,
        ((1::BIGINT << (10 * least(6, weeks))) - 1) // 1023 AS recent_marks,
        ((1::BIGINT << (10 * greatest(0, weeks - 6))) - 1) // 1023 AS older_marks
    FROM sums
)
SELECT
    row_number() OVER (ORDER BY c.ssi DESC, lower(c.name), c.rep_id) AS rank,
    c.rep_id,
    c.name,
    c.team,
    c.ssi,
    c.brand,
    c.people,
    c.insights,
    c.relationships,
    -- A stale row (its snapshot from a week before the board's) has no current change.
    CASE WHEN c.d < date_trunc('week', $as_of) THEN NULL ELSE c.change END AS change,
    CASE WHEN c.d < date_trunc('week', $as_of) THEN NULL ELSE c.change_4w END AS change_4w,
    c.d AS as_of,
    v.prev_rank,
    c.industry_rank,
    c.network_rank,
    c.industry_avg,
    c.network_avg,
    c.source,
    datediff('day', date_trunc('week', c.d), date_trunc('week', $as_of)) // 7 AS weeks_old,
    (t.recent_marks + coalesce(t.ssi_recent, 0))::BIGINT AS ssi_recent,
    (t.older_marks + coalesce(t.ssi_older, 0))::BIGINT AS ssi_older,
    (t.recent_marks + coalesce(t.brand_recent, 0))::BIGINT AS brand_recent,
    (t.older_marks + coalesce(t.brand_older, 0))::BIGINT AS brand_older,
    (t.recent_marks + coalesce(t.people_recent, 0))::BIGINT AS people_recent,
    (t.older_marks + coalesce(t.people_older, 0))::BIGINT AS people_older,
    (t.recent_marks + coalesce(t.insights_recent, 0))::BIGINT AS insights_recent,
    (t.older_marks + coalesce(t.insights_older, 0))::BIGINT AS insights_older,
    (t.recent_marks + coalesce(t.relationships_recent, 0))::BIGINT AS relationships_recent,
    (t.older_marks + coalesce(t.relationships_older, 0))::BIGINT AS relationships_older,
    coalesce(own.target, team.target, stored.target, $default_target) AS target
FROM current AS c
LEFT JOIN previous AS v USING (rep_id)
LEFT JOIN trends AS t USING (rep_id)
LEFT JOIN targets AS own ON own.scope = 'rep' AND own.key = c.rep_id
LEFT JOIN targets AS team ON team.scope = 'team' AND team.key = c.team
LEFT JOIN (
    SELECT TRY_CAST(value AS DOUBLE) AS target FROM ssi_meta WHERE key = 'default_target'
) AS stored ON TRUE
ORDER BY rank;
