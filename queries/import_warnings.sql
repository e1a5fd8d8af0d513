-- Values the import writes that look like typos (the macro looks_like_typo): a total or
-- pillar that moved by more than half of the rep's previous value of it (Brand 1.34 after
-- 13.5), and as far from the value before that when there is one, so the correct value after
-- a typo (13.6 after 1.34) is not one. "Previous" and "before" are the rep's two snapshots of
-- that source just before, as the store will hold them after the import: each the batch's
-- own row (a window over the batch alone) or the stored one (looked up, as of the date, with
-- the stored one before it, only for the reps the store knows), whichever is later, the
-- batch's on a tie. The first $limit, and how many in all. Windows over narrow rows (the
-- batch's, the known reps' stored ones), no join over the whole batch: an import's memory
-- bound holds no more (tests/importing/test_import_memory.py).
WITH batch AS (
    SELECT
        rep_id, snapshot_date, source, ssi, brand, people, insights, relationships, file_index,
        lag(snapshot_date) OVER w AS previous_date,
        lag(ssi) OVER w AS previous_ssi,
        lag(brand) OVER w AS previous_brand,
        lag(people) OVER w AS previous_people,
        lag(insights) OVER w AS previous_insights,
        lag(relationships) OVER w AS previous_relationships,
        lag(snapshot_date, 2) OVER w AS before_date,
        lag(ssi, 2) OVER w AS before_ssi,
        lag(brand, 2) OVER w AS before_brand,
        lag(people, 2) OVER w AS before_people,
        lag(insights, 2) OVER w AS before_insights,
        lag(relationships, 2) OVER w AS before_relationships
    FROM staged
    WINDOW w AS (PARTITION BY rep_id, source ORDER BY snapshot_date)
),
stored AS (
    SELECT s.rep_id, s.source, s.snapshot_date, s.ssi, s.brand, s.people, s.insights,
           s.relationships,
           lag(s.snapshot_date) OVER w AS before_date,
           lag(s.ssi) OVER w AS before_ssi,
           lag(s.brand) OVER w AS before_brand,
           lag(s.people) OVER w AS before_people,
           lag(s.insights) OVER w AS before_insights,
           lag(s.relationships) OVER w AS before_relationships
    FROM snapshots AS s
    WHERE s.rep_id IN (SELECT rep_id FROM rep_changes)  -- the batch's reps the store knows
    WINDOW w AS (PARTITION BY s.rep_id, s.source ORDER BY s.snapshot_date)
),
known AS (
    SELECT * FROM batch WHERE rep_id IN (SELECT rep_id FROM rep_changes)
),
before AS (
    -- A stored row on the date of a batch row is that row's old value, never its previous;
    -- on a later batch row's, the batch's own row (of that date) is preferred below.
    SELECT k.rep_id, k.snapshot_date, k.source, s.snapshot_date AS stored_date,
           s.ssi, s.brand, s.people, s.insights, s.relationships,
           s.before_date AS stored_before_date, s.before_ssi, s.before_brand, s.before_people,
           s.before_insights, s.before_relationships
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
            AS previous_relationships,
        -- Before the previous one: after a stored previous, the later of the batch's previous
        -- and the stored one before it; after the batch's, the later of the batch's before
        -- and the stored row before the batch's previous (skipping one of its date).
        CASE WHEN from_store THEN
                 CASE WHEN o.stored_before_date > b.previous_date OR b.previous_date IS NULL
                      THEN 'stored before' ELSE 'batch previous' END
             WHEN o.stored_date < b.previous_date THEN
                 CASE WHEN o.stored_date > b.before_date OR b.before_date IS NULL
                      THEN 'stored' ELSE 'batch before' END
             ELSE
                 CASE WHEN o.stored_before_date > b.before_date OR b.before_date IS NULL
                      THEN 'stored before' ELSE 'batch before' END
        END AS before_from,
        CASE before_from WHEN 'stored' THEN o.ssi WHEN 'stored before' THEN o.before_ssi
            WHEN 'batch previous' THEN b.previous_ssi ELSE b.before_ssi END AS before_ssi,
        CASE before_from WHEN 'stored' THEN o.brand WHEN 'stored before' THEN o.before_brand
            WHEN 'batch previous' THEN b.previous_brand ELSE b.before_brand END AS before_brand,
        CASE before_from WHEN 'stored' THEN o.people WHEN 'stored before' THEN o.before_people
            WHEN 'batch previous' THEN b.previous_people ELSE b.before_people END
            AS before_people,
        CASE before_from WHEN 'stored' THEN o.insights
            WHEN 'stored before' THEN o.before_insights
            WHEN 'batch previous' THEN b.previous_insights ELSE b.before_insights END
            AS before_insights,
        CASE before_from WHEN 'stored' THEN o.relationships
            WHEN 'stored before' THEN o.before_relationships
            WHEN 'batch previous' THEN b.previous_relationships ELSE b.before_relationships END
            AS before_relationships
    FROM batch AS b
    LEFT JOIN before AS o USING (rep_id, snapshot_date, source)
),
flagged AS (
    SELECT * FROM paired
    WHERE looks_like_typo(ssi, previous_ssi, before_ssi)
       OR looks_like_typo(brand, previous_brand, before_brand)
       OR looks_like_typo(people, previous_people, before_people)
       OR looks_like_typo(insights, previous_insights, before_insights)
       OR looks_like_typo(relationships, previous_relationships, before_relationships)
),
moved AS (
    SELECT p.file_index, u.line, coalesce(r.name, u.name) AS rep, p.snapshot_date,
           p.previous_date, v.ordinal, v.column_name, v.previous, v.value
    FROM flagged AS p
    JOIN resolved AS u USING (rep_id, snapshot_date, source)
    LEFT JOIN reps AS r USING (rep_id)
    CROSS JOIN LATERAL (
        VALUES
            (0, 'ssi', p.previous_ssi, p.before_ssi, p.ssi),
            (1, 'brand', p.previous_brand, p.before_brand, p.brand),
            (2, 'people', p.previous_people, p.before_people, p.people),
            (3, 'insights', p.previous_insights, p.before_insights, p.insights),
            (4, 'relationships', p.previous_relationships, p.before_relationships,
             p.relationships)
    ) AS v(ordinal, column_name, previous, before, value)
    WHERE looks_like_typo(v.value, v.previous, v.before)
)
SELECT file_index, line, rep, snapshot_date, column_name, previous_date, previous, value,
       count(*) OVER () AS total
FROM moved
ORDER BY file_index, snapshot_date, rep, ordinal  -- not by line: the fast path knows none
LIMIT $limit;
