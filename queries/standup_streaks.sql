-- Stand-up "on target" streaks: per rep, how many consecutive ISO weeks, counting back from the
-- week of $as_of, the rep was at or above their target. A week's reading is the rep's last
-- snapshot of that week (on or before $as_of; 'best' prefers official on the same date, as the
-- board does). A week with no snapshot, or below target, ends the streak; 0 when the as-of week
-- itself is not on target.
-- The target is today's: the rep's own, else their team's, else the history's default, else
-- $default_target, the config's (targets keep no history, so past weeks are judged against
-- the target that applies now).
WITH weekly AS (
    SELECT
        s.rep_id,
        datediff('day', date_trunc('week', s.snapshot_date), date_trunc('week', $as_of)) // 7
            AS weeks_ago,
        arg_max(
            s.ssi, (s.snapshot_date - DATE '1970-01-01') * 2 + (s.source = 'official')::INTEGER
        ) AS ssi
    FROM snapshots AS s
    JOIN reps AS r USING (rep_id)
    WHERE s.snapshot_date <= $as_of
      AND ($team IS NULL OR r.team = $team)
      AND ($source = 'best' OR s.source = $source)
    GROUP BY s.rep_id, weeks_ago
),
goals AS (
    SELECT r.rep_id, coalesce(mine.target, ours.target, stored.target, $default_target) AS target
    FROM reps AS r
    LEFT JOIN targets AS mine ON mine.scope = 'rep' AND mine.key = r.rep_id
    LEFT JOIN targets AS ours ON ours.scope = 'team' AND ours.key = r.team
    LEFT JOIN (
        SELECT TRY_CAST(value AS DOUBLE) AS target FROM ssi_meta WHERE key = 'default_target'
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
