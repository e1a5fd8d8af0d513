-- Weekly trend strings for the board: per rep and series, one character per ISO week for the
-- 12 weeks ending with the as-of week (oldest first), from the last snapshot of each week
-- on or before $as_of. Heights ▁..█ are on a fixed scale (pillars 0-25, total 0-100) so rows
-- compare at a glance; '·' marks a week with no snapshot. Built here so that 10,000 reps
-- arrive as short strings rather than 600,000 numbers.
WITH chosen AS (
    SELECT s.*
    FROM snapshots AS s
    JOIN reps AS r USING (rep_id)
    WHERE s.snapshot_date <= $as_of
      AND s.snapshot_date >= date_trunc('week', $as_of) - INTERVAL 77 DAY
      AND ($team IS NULL OR r.team = $team)
      AND ($source = 'best' OR s.source = $source)
    QUALIFY $source <> 'best'
         OR row_number() OVER (
                PARTITION BY s.rep_id, s.snapshot_date ORDER BY s.source = 'official' DESC
            ) = 1
),
weekly AS (
    SELECT
        rep_id,
        datediff('day', date_trunc('week', snapshot_date), date_trunc('week', $as_of)) // 7
            AS weeks_ago,
        arg_max(ssi / 4, snapshot_date) AS ssi,
        arg_max(brand, snapshot_date) AS brand,
        arg_max(people, snapshot_date) AS people,
        arg_max(insights, snapshot_date) AS insights,
        arg_max(relationships, snapshot_date) AS relationships
    FROM chosen
    GROUP BY rep_id, weeks_ago
),
grid AS (
    SELECT rep_ids.rep_id, w.range AS weeks_ago, weekly.* EXCLUDE (rep_id, weeks_ago)
    FROM (SELECT DISTINCT rep_id FROM weekly) AS rep_ids
    CROSS JOIN range(0, 12) AS w
    LEFT JOIN weekly ON weekly.rep_id = rep_ids.rep_id AND weekly.weeks_ago = w.range
),
levels AS (SELECT ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] AS bar)
SELECT
    grid.rep_id,
    string_agg(CASE WHEN ssi IS NULL THEN '·'
                    ELSE bar[1 + least(7, floor(ssi * 8 / 25))::INTEGER] END, ''
               ORDER BY weeks_ago DESC) AS ssi_trend,
    string_agg(CASE WHEN brand IS NULL THEN '·'
                    ELSE bar[1 + least(7, floor(brand * 8 / 25))::INTEGER] END, ''
               ORDER BY weeks_ago DESC) AS brand_trend,
    string_agg(CASE WHEN people IS NULL THEN '·'
                    ELSE bar[1 + least(7, floor(people * 8 / 25))::INTEGER] END, ''
               ORDER BY weeks_ago DESC) AS people_trend,
    string_agg(CASE WHEN insights IS NULL THEN '·'
                    ELSE bar[1 + least(7, floor(insights * 8 / 25))::INTEGER] END, ''
               ORDER BY weeks_ago DESC) AS insights_trend,
    string_agg(CASE WHEN relationships IS NULL THEN '·'
                    ELSE bar[1 + least(7, floor(relationships * 8 / 25))::INTEGER] END, ''
               ORDER BY weeks_ago DESC) AS relationships_trend
FROM grid, levels
GROUP BY grid.rep_id;
