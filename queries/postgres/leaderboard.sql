-- queries/leaderboard.sql in PostgreSQL's words; the same rows, see there for what each part
-- and column means. Here: $excluded is an array (= ANY); a week is its number of whole weeks
-- since Monday 0001-01-01, in integers (date_trunc works in timestamps with time zones, and
-- cost most of the query's time); a column is named in a subquery before another uses it;
-- FILTER says WHERE; a half's weeks are added with bit_or, which is their sum (each week has
-- its own ten bits, and one point a week is its last: sum() of BIGINTs would be NUMERIC here);
-- names are ordered byte by byte (COLLATE "C") as DuckDB orders them, whatever the server's
-- collation; a value in tenths rounded half away from zero, as DuckDB's round() does (here
-- round() of a DOUBLE rounds half to even). Without JIT (session_settings.sql), which cost more
-- than the query. The history's default target (ssi_meta 'default_target') read only where it
-- is a number, as DuckDB's TRY_CAST reads it.
WITH shown AS (
    SELECT rep_id, name, team, left_on
    FROM reps
    WHERE ($team::text IS NULL OR team = $team::text)
      AND (left_on IS NULL OR left_on >= $as_of::date - 7)
      AND NOT lower(rep_id) = ANY($excluded::text[])
      AND NOT lower(name) = ANY($excluded::text[])
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
    WHERE d <= $as_of::date
      AND until > CASE
          WHEN $with_trends THEN $as_of::date - ($as_of::date - DATE '0001-01-01') % 7 - 77
          ELSE $as_of::date - 7
      END
),
current AS (
    SELECT p.*, s.name, s.team
    FROM recent AS p
    JOIN shown AS s USING (rep_id)
    WHERE p.d <= $as_of::date AND p.until > $as_of::date
      AND (s.left_on IS NULL OR s.left_on >= $as_of::date)
),
previous AS (
    SELECT
        p.rep_id,
        row_number() OVER (ORDER BY p.ssi DESC, lower(s.name) COLLATE "C", p.rep_id COLLATE "C")
            AS prev_rank
    FROM recent AS p
    JOIN shown AS s USING (rep_id)
    WHERE p.d <= $as_of::date - 7 AND p.until > $as_of::date - 7
      AND (s.left_on IS NULL OR s.left_on >= $as_of::date - 7)
),
-- Each point of the last twelve weeks, shifted into its week's place in its half (see
-- *_recent, *_older above) where it is its week's last on or before $as_of: the next point is
-- later than $as_of or falls in a later week.
packed AS (
    SELECT
        rep_id,
        weeks_ago,
        weeks_last,
        (1 + floor(ssi * 10 + 0.5)::BIGINT) << (10 * (weeks_ago % 6)) AS ssi,
        (1 + floor(brand * 10 + 0.5)::BIGINT) << (10 * (weeks_ago % 6)) AS brand,
        (1 + floor(people * 10 + 0.5)::BIGINT) << (10 * (weeks_ago % 6)) AS people,
        (1 + floor(insights * 10 + 0.5)::BIGINT) << (10 * (weeks_ago % 6)) AS insights,
        (1 + floor(relationships * 10 + 0.5)::BIGINT) << (10 * (weeks_ago % 6)) AS relationships
    FROM (
        SELECT
            *,
            ($as_of::date - DATE '0001-01-01') / 7 - (d - DATE '0001-01-01') / 7
                AS weeks_ago,
            d >= $as_of::date - ($as_of::date - DATE '0001-01-01') % 7 - 77
                AND (until > $as_of::date
                     OR (until - DATE '0001-01-01') / 7 > (d - DATE '0001-01-01') / 7)
                AS weeks_last
        FROM recent
        WHERE $with_trends
    ) AS weekly
),
sums AS (
    SELECT
        rep_id,
        -- Weeks from the rep's first snapshot (all twelve with one before them) to the as-of week.
        1 + least(11, max(weeks_ago)) AS weeks,
        bit_or(ssi) FILTER (WHERE weeks_last AND weeks_ago < 6) AS ssi_recent,
        bit_or(ssi) FILTER (WHERE weeks_last AND weeks_ago >= 6) AS ssi_older,
        bit_or(brand) FILTER (WHERE weeks_last AND weeks_ago < 6) AS brand_recent,
        bit_or(brand) FILTER (WHERE weeks_last AND weeks_ago >= 6) AS brand_older,
        bit_or(people) FILTER (WHERE weeks_last AND weeks_ago < 6) AS people_recent,
        bit_or(people) FILTER (WHERE weeks_last AND weeks_ago >= 6) AS people_older,
        bit_or(insights) FILTER (WHERE weeks_last AND weeks_ago < 6) AS insights_recent,
        bit_or(insights) FILTER (WHERE weeks_last AND weeks_ago >= 6) AS insights_older,
        bit_or(relationships) FILTER (WHERE weeks_last AND weeks_ago < 6) AS relationships_recent,
        bit_or(relationships) FILTER (WHERE weeks_last AND weeks_ago >= 6) AS relationships_older
    FROM packed
    GROUP BY rep_id
),
-- 1 in every week of those: the mark of a week without a snapshot; a snapshot adds to it.
trends AS (
    SELECT
        *,
        ((1::BIGINT << (10 * least(6, weeks))) - 1) / 1023 AS recent_marks,
        ((1::BIGINT << (10 * greatest(0, weeks - 6))) - 1) / 1023 AS older_marks
    FROM sums
)
SELECT
    row_number() OVER (ORDER BY c.ssi DESC, lower(c.name) COLLATE "C", c.rep_id COLLATE "C")
        AS rank,
    c.rep_id,
    c.name,
    c.team,
    c.ssi,
    c.brand,
    c.people,
    c.insights,
    c.relationships,
    -- A stale row (its snapshot from a week before the board's) has no current change.
    CASE WHEN (c.d - DATE '0001-01-01') / 7 < ($as_of::date - DATE '0001-01-01') / 7 THEN NULL ELSE c.change END AS change,
    CASE WHEN (c.d - DATE '0001-01-01') / 7 < ($as_of::date - DATE '0001-01-01') / 7 THEN NULL ELSE c.change_4w END
        AS change_4w,
    c.d AS as_of,
    v.prev_rank,
    c.industry_rank,
    c.network_rank,
    c.industry_avg,
    c.network_avg,
    c.source,
    ($as_of::date - DATE '0001-01-01') / 7 - (c.d - DATE '0001-01-01') / 7 AS weeks_old,
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
    SELECT CASE WHEN value ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$'
                THEN value::double precision END AS target
    FROM ssi_meta WHERE key = 'default_target'
) AS stored ON TRUE
ORDER BY rank;
