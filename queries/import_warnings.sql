-- Values the import writes that look like typos: a total or pillar that moved by more than
-- half of the rep's previous value of it (Brand 1.65 after 16.2). "Previous" is the rep's
-- snapshot of that source just before, as the store will hold it after the import: the
-- batch's own row before (a window over the batch alone), or the stored one before when it
-- is later (looked up, as of the date, only for the reps the store knows). The first $limit,
-- and how many in all. One window over narrow rows, no join over the whole batch: an
-- import's memory bound holds no more (tests/store/test_import_memory.py).
WITH batch AS (
    SELECT
        rep_id, snapshot_date, source, ssi, brand, people, insights, relationships, file_index,
        lag(snapshot_date) OVER w AS previous_date,
        lag(ssi) OVER w AS previous_ssi,
        lag(brand) OVER w AS previous_brand,
        lag(people) OVER w AS previous_people,
        lag(insights) OVER w AS previous_insights,
        lag(relationships) OVER w AS previous_relationships
    FROM staged
    WINDOW w AS (PARTITION BY rep_id, source ORDER BY snapshot_date)
),
stored AS (
    SELECT s.rep_id, s.source, s.snapshot_date, s.ssi, s.brand, s.people, s.insights,
           s.relationships
    FROM snapshots AS s
    WHERE s.rep_id IN (SELECT rep_id FROM rep_changes)  -- the batch's reps the store knows
),
known AS (
    SELECT * FROM batch WHERE rep_id IN (SELECT rep_id FROM rep_changes)
),
before AS (
    -- A stored row on the date of a batch row is that row's old value, never its previous;
    -- on a later batch row's, the batch's own row (of that date) is preferred below.
    SELECT k.rep_id, k.snapshot_date, k.source, s.snapshot_date AS stored_date,
           s.ssi, s.brand, s.people, s.insights, s.relationships
    FROM known AS k
    ASOF JOIN stored AS s
      ON s.rep_id = k.rep_id AND s.source = k.source AND k.snapshot_date > s.snapshot_date
),
paired AS (
    SELECT
        b.rep_id, b.snapshot_date, b.source, b.file_index,
        b.ssi, b.brand, b.people, b.insights, b.relationships,
        o.stored_date IS NOT NULL
            AND (b.previous_date IS NULL OR o.stored_date > b.previous_date) AS from_store,
        CASE WHEN from_store THEN o.stored_date ELSE b.previous_date END AS previous_date,
        CASE WHEN from_store THEN o.ssi ELSE b.previous_ssi END AS previous_ssi,
        CASE WHEN from_store THEN o.brand ELSE b.previous_brand END AS previous_brand,
        CASE WHEN from_store THEN o.people ELSE b.previous_people END AS previous_people,
        CASE WHEN from_store THEN o.insights ELSE b.previous_insights END AS previous_insights,
        CASE WHEN from_store THEN o.relationships ELSE b.previous_relationships END
            AS previous_relationships
    FROM batch AS b
    LEFT JOIN before AS o USING (rep_id, snapshot_date, source)
),
flagged AS (
    SELECT * FROM paired
    WHERE abs(ssi - previous_ssi) > previous_ssi / 2
       OR abs(brand - previous_brand) > previous_brand / 2
       OR abs(people - previous_people) > previous_people / 2
       OR abs(insights - previous_insights) > previous_insights / 2
       OR abs(relationships - previous_relationships) > previous_relationships / 2
),
moved AS (
    SELECT p.file_index, u.line, coalesce(r.name, u.name) AS rep, p.snapshot_date,
           p.previous_date, v.ordinal, v.column_name, v.previous, v.value
    FROM flagged AS p
    JOIN resolved AS u USING (rep_id, snapshot_date, source)
    LEFT JOIN reps AS r USING (rep_id)
    CROSS JOIN LATERAL (
        VALUES
            (0, 'ssi', p.previous_ssi, p.ssi),
            (1, 'brand', p.previous_brand, p.brand),
            (2, 'people', p.previous_people, p.people),
            (3, 'insights', p.previous_insights, p.insights),
            (4, 'relationships', p.previous_relationships, p.relationships)
    ) AS v(ordinal, column_name, previous, value)
    WHERE abs(v.value - v.previous) > v.previous / 2
)
SELECT file_index, line, rep, snapshot_date, column_name, previous_date, previous, value,
       count(*) OVER () AS total
FROM moved
ORDER BY file_index, snapshot_date, rep, ordinal  -- not by line: the fast path knows none
LIMIT $limit;
