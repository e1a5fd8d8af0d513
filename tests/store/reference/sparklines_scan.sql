-- Weekly trend strings for the board: per rep and series, one character per ISO week for the
-- 12 weeks ending with the as-of week (oldest first), from the last snapshot of each week
-- on or before $as_of. Heights ▁..█ are on a fixed scale (pillars 0-25, total 0-100) so rows
-- compare at a glance; '·' marks a week with no snapshot. Built here so that 10,000 reps
-- arrive as short strings rather than 600,000 numbers.
--
-- Speed: the week's last snapshot is an arg_max over k = (date, official first), which also
-- makes the 'best' source choice. Each series is then summed into one 12-digit base-9 number
-- per rep (digit w = 1 + bar level w weeks ago, 0 = no snapshot), which needs no ordering,
-- and spelled out at the end. Stored values are never negative (validate.py checks imports,
-- estimate/model.py keeps estimates within 0-25), so every digit is 1-8.
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
powers AS (
    SELECT [1, 9, 81, 729, 6561, 59049, 531441, 4782969, 43046721, 387420489, 3486784401,
            31381059609]::BIGINT[] AS p
),
series AS (
    SELECT
        rep_id,
        sum((1 + least(7, floor(v.ssi * 8 / 25))::INTEGER) * p[weeks_ago + 1])::BIGINT AS ssi,
        sum((1 + least(7, floor(v.brand * 8 / 25))::INTEGER) * p[weeks_ago + 1])::BIGINT
            AS brand,
        sum((1 + least(7, floor(v.people * 8 / 25))::INTEGER) * p[weeks_ago + 1])::BIGINT
            AS people,
        sum((1 + least(7, floor(v.insights * 8 / 25))::INTEGER) * p[weeks_ago + 1])::BIGINT
            AS insights,
        sum((1 + least(7, floor(v.relationships * 8 / 25))::INTEGER) * p[weeks_ago + 1])::BIGINT
            AS relationships
    FROM weekly, powers
    GROUP BY rep_id
),
bars AS (SELECT ['·', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] AS bar)
SELECT
    rep_id,
    array_to_string([bar[1 + ssi // p[w + 1] % 9] FOR w IN range(11, -1, -1)], '')
        AS ssi_trend,
    array_to_string([bar[1 + brand // p[w + 1] % 9] FOR w IN range(11, -1, -1)], '')
        AS brand_trend,
    array_to_string([bar[1 + people // p[w + 1] % 9] FOR w IN range(11, -1, -1)], '')
        AS people_trend,
    array_to_string([bar[1 + insights // p[w + 1] % 9] FOR w IN range(11, -1, -1)], '')
        AS insights_trend,
    array_to_string([bar[1 + relationships // p[w + 1] % 9] FOR w IN range(11, -1, -1)], '')
        AS relationships_trend
FROM series, bars, powers;
