-- Weekly trend strings for the board: per rep and series, one character per ISO week for the
-- 12 weeks ending with the as-of week (oldest first), from the last snapshot of each week
-- on or before $as_of. Heights ▁..█ are on a fixed scale (pillars 0-25, total 0-100) so rows
-- compare at a glance; '·' marks a week with no snapshot. Built here so that 10,000 reps
-- arrive as short strings rather than 600,000 numbers.
--
-- Speed: the week's last snapshot is an arg_max over k = (date, official first), which also
-- makes the 'best' source choice; each rep's 12 cells are gathered once and sorted as a short
-- list instead of five ordered string_agg calls.
WITH weekly AS (
    SELECT
        s.rep_id,
        datediff('day', date_trunc('week', s.snapshot_date), date_trunc('week', $as_of)) // 7
            AS weeks_ago,
        arg_max(
            struct_pack(ssi := s.ssi / 4, s.brand, s.people, s.insights, s.relationships),
            (s.snapshot_date - DATE '1970-01-01') * 2 + (s.source = 'official')::INTEGER
        ) AS v
    FROM snapshots AS s
    JOIN reps AS r USING (rep_id)
    WHERE s.snapshot_date <= $as_of
      AND s.snapshot_date >= date_trunc('week', $as_of) - INTERVAL 77 DAY
      AND ($team IS NULL OR r.team = $team)
      AND NOT list_contains($excluded, lower(s.rep_id))
      AND NOT list_contains($excluded, lower(r.name))
      AND ($source = 'best' OR s.source = $source)
    GROUP BY s.rep_id, weeks_ago
),
levels AS (SELECT ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] AS bar),
cells AS (
    SELECT
        rep_ids.rep_id,
        w.range AS weeks_ago,
        CASE WHEN v.ssi IS NULL THEN '·'
             ELSE bar[1 + least(7, floor(v.ssi * 8 / 25))::INTEGER] END AS ssi,
        CASE WHEN v.brand IS NULL THEN '·'
             ELSE bar[1 + least(7, floor(v.brand * 8 / 25))::INTEGER] END AS brand,
        CASE WHEN v.people IS NULL THEN '·'
             ELSE bar[1 + least(7, floor(v.people * 8 / 25))::INTEGER] END AS people,
        CASE WHEN v.insights IS NULL THEN '·'
             ELSE bar[1 + least(7, floor(v.insights * 8 / 25))::INTEGER] END AS insights,
        CASE WHEN v.relationships IS NULL THEN '·'
             ELSE bar[1 + least(7, floor(v.relationships * 8 / 25))::INTEGER] END
            AS relationships
    FROM (SELECT DISTINCT rep_id FROM weekly) AS rep_ids
    CROSS JOIN range(0, 12) AS w
    LEFT JOIN weekly ON weekly.rep_id = rep_ids.rep_id AND weekly.weeks_ago = w.range
    CROSS JOIN levels
),
oldest_first AS (
    SELECT
        rep_id,
        list_sort(
            list(struct_pack(weeks_ago, ssi, brand, people, insights, relationships)), 'DESC'
        ) AS l
    FROM cells
    GROUP BY rep_id
)
SELECT
    rep_id,
    array_to_string([x.ssi FOR x IN l], '') AS ssi_trend,
    array_to_string([x.brand FOR x IN l], '') AS brand_trend,
    array_to_string([x.people FOR x IN l], '') AS people_trend,
    array_to_string([x.insights FOR x IN l], '') AS insights_trend,
    array_to_string([x.relationships FOR x IN l], '') AS relationships_trend
FROM oldest_first;
