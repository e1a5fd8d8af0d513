-- Weekly trend strings for the board: per rep and series, one character per ISO week for the
-- 12 weeks ending with the as-of week (oldest first), from the last snapshot of each week
-- on or before $as_of. Heights ▁..█ are on the fixed scale (pillars 0-25, total 0-100) of the
-- value in tenths; '·' marks a week with no snapshot after the rep's first one, ' ' a week
-- before it (issue #20). The board's own-scale bars are worked from the same weekly values
-- (tests/store/test_board_trends.py).
--
-- Each series is summed into one 12-digit base-10 number per rep (digit w = 2 + bar level w
-- weeks ago, 1 = no snapshot, 0 = before the first), then spelled out.
WITH weekly AS (
    SELECT
        s.rep_id,
        datediff('day', date_trunc('week', s.snapshot_date), date_trunc('week', $as_of)) // 7
            AS weeks_ago,
        arg_max(
            struct_pack(s.ssi, s.brand, s.people, s.insights, s.relationships),
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
firsts AS (
    SELECT
        s.rep_id,
        least(11, datediff('day', date_trunc('week', min(s.snapshot_date)),
                           date_trunc('week', $as_of)) // 7) AS weeks
    FROM snapshots AS s
    WHERE s.snapshot_date <= $as_of AND ($source = 'best' OR s.source = $source)
    GROUP BY s.rep_id
),
powers AS (
    SELECT [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000, 1000000000,
            10000000000, 100000000000, 1000000000000]::BIGINT[] AS p
),
series AS (
    SELECT
        rep_id,
        any_value((p[f.weeks + 2] - 1) // 9)
            + sum((1 + least(7, floor(round(v.ssi * 10) * 8 / 1000))) * p[weeks_ago + 1])::BIGINT AS ssi,
        any_value((p[f.weeks + 2] - 1) // 9)
            + sum((1 + least(7, floor(round(v.brand * 10) * 8 / 250))) * p[weeks_ago + 1])::BIGINT AS brand,
        any_value((p[f.weeks + 2] - 1) // 9)
            + sum((1 + least(7, floor(round(v.people * 10) * 8 / 250))) * p[weeks_ago + 1])::BIGINT
            AS people,
        any_value((p[f.weeks + 2] - 1) // 9)
            + sum((1 + least(7, floor(round(v.insights * 10) * 8 / 250))) * p[weeks_ago + 1])::BIGINT
            AS insights,
        any_value((p[f.weeks + 2] - 1) // 9)
            + sum((1 + least(7, floor(round(v.relationships * 10) * 8 / 250))) * p[weeks_ago + 1])::BIGINT
            AS relationships
    FROM weekly JOIN firsts AS f USING (rep_id), powers
    GROUP BY rep_id
),
bars AS (SELECT [' ', '·', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] AS bar)
SELECT
    rep_id,
    array_to_string([bar[1 + ssi // p[w + 1] % 10] FOR w IN range(11, -1, -1)], '')
        AS ssi_trend,
    array_to_string([bar[1 + brand // p[w + 1] % 10] FOR w IN range(11, -1, -1)], '')
        AS brand_trend,
    array_to_string([bar[1 + people // p[w + 1] % 10] FOR w IN range(11, -1, -1)], '')
        AS people_trend,
    array_to_string([bar[1 + insights // p[w + 1] % 10] FOR w IN range(11, -1, -1)], '')
        AS insights_trend,
    array_to_string([bar[1 + relationships // p[w + 1] % 10] FOR w IN range(11, -1, -1)], '')
        AS relationships_trend
FROM series, bars, powers;
