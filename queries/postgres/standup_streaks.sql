-- queries/standup_streaks.sql in PostgreSQL's words: a week is its number of whole weeks since
-- Monday 0001-01-01, in integer days (as in leaderboard.sql); arg_max spelled as the first of
-- array_agg ordered by date, official first on a date; the history's default target read only
-- where it is a number, as TRY_CAST reads it. The same meaning, see there.
WITH weekly AS (
    SELECT
        s.rep_id,
        ($as_of::date - DATE '0001-01-01') / 7 - (s.snapshot_date - DATE '0001-01-01') / 7
            AS weeks_ago,
        (array_agg(
            s.ssi ORDER BY s.snapshot_date DESC, (s.source = 'official')::INTEGER DESC
        ))[1] AS ssi
    FROM snapshots AS s
    JOIN reps AS r USING (rep_id)
    WHERE s.snapshot_date <= $as_of::date
      AND ($team::text IS NULL OR r.team = $team::text)
      AND ($source::text = 'best' OR s.source = $source::text)
    GROUP BY s.rep_id, 2
),
goals AS (
    SELECT r.rep_id, coalesce(mine.target, ours.target, stored.target, $default_target::double precision)
        AS target
    FROM reps AS r
    LEFT JOIN targets AS mine ON mine.scope = 'rep' AND mine.key = r.rep_id
    LEFT JOIN targets AS ours ON ours.scope = 'team' AND ours.key = r.team
    LEFT JOIN (
        SELECT CASE WHEN value ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$'
                    THEN value::double precision END AS target
        FROM ssi_meta WHERE key = 'default_target'
    ) AS stored ON TRUE
),
on_target AS (
    SELECT w.rep_id, w.weeks_ago
    FROM weekly AS w
    JOIN goals AS g USING (rep_id)
    WHERE w.ssi >= g.target
),
hits AS (
    -- Weeks on target, numbered from the newest: the streak is the run where that number
    -- still equals weeks_ago (the first missed week shifts every later one). Only reps on
    -- target in the as-of week have a streak, so only they are numbered (a few of many).
    SELECT
        rep_id,
        weeks_ago,
        row_number() OVER (PARTITION BY rep_id ORDER BY weeks_ago) - 1 AS position
    FROM on_target
    WHERE rep_id IN (SELECT rep_id FROM on_target WHERE weeks_ago = 0)
)
SELECT
    g.rep_id,
    g.target,
    count(h.rep_id) FILTER (WHERE h.weeks_ago = h.position) AS streak
FROM goals AS g
LEFT JOIN hits AS h USING (rep_id)
WHERE g.rep_id IN (SELECT rep_id FROM weekly)
GROUP BY g.rep_id, g.target
ORDER BY g.rep_id;
