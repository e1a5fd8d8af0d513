-- queries/import_warnings.sql in PostgreSQL's words: its ASOF JOIN as the latest stored row
-- before and the one before it, each read by a lateral LIMIT 1 down the index (a window over
-- the batch reps' whole stored history, then DISTINCT ON, took 0.75 s of a 1.8 s weekly import
-- at 3,000 reps), and columns named before another uses them; the same meaning. Only the rows of
-- reps the store knows are joined to what it holds, and each row carries its line and name
-- (staged has them, import_classify.sql): joining the whole batch to those lookups and back to
-- `resolved` sorted it twice more, ~3 s of a first import of 1.04 M rows.
WITH batch AS (
    SELECT
        rep_id, snapshot_date, source, ssi, brand, people, insights, relationships, file_index,
        name, line,
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
known AS (
    SELECT * FROM batch WHERE rep_id IN (SELECT rep_id FROM rep_changes)  -- reps it knows
),
before AS (
    -- A stored row on the date of a batch row is that row's old value, never its previous;
    -- on a later batch row's, the batch's own row (of that date) is preferred below. The
    -- latest stored row before, and the one before that: two backward steps down the index
    -- on (rep_id, snapshot_date, source) per batch row, never the rep's whole history.
    SELECT k.rep_id, k.snapshot_date, k.source, s.snapshot_date AS stored_date,
           s.ssi, s.brand, s.people, s.insights, s.relationships,
           t.snapshot_date AS stored_before_date, t.ssi AS before_ssi,
           t.brand AS before_brand, t.people AS before_people, t.insights AS before_insights,
           t.relationships AS before_relationships
    FROM known AS k
    CROSS JOIN LATERAL (
        SELECT snapshot_date, ssi, brand, people, insights, relationships
        FROM snapshots
        WHERE rep_id = k.rep_id AND source = k.source AND snapshot_date < k.snapshot_date
        ORDER BY snapshot_date DESC
        LIMIT 1
    ) AS s
    LEFT JOIN LATERAL (
        SELECT snapshot_date, ssi, brand, people, insights, relationships
        FROM snapshots
        WHERE rep_id = k.rep_id AND source = k.source AND snapshot_date < s.snapshot_date
        ORDER BY snapshot_date DESC
        LIMIT 1
    ) AS t ON true
),
sourced AS (
    SELECT
        b.*,
        o.stored_date, o.stored_before_date,
        o.ssi AS o_ssi, o.brand AS o_brand, o.people AS o_people, o.insights AS o_insights,
        o.relationships AS o_relationships,
        o.before_ssi AS o_before_ssi, o.before_brand AS o_before_brand,
        o.before_people AS o_before_people, o.before_insights AS o_before_insights,
        o.before_relationships AS o_before_relationships,
        o.stored_date IS NOT NULL
            AND (b.previous_date IS NULL OR o.stored_date > b.previous_date) AS from_store
    FROM known AS b
    LEFT JOIN before AS o USING (rep_id, snapshot_date, source)
    UNION ALL
    -- The rows of reps the store does not know: nothing stored before them.
    SELECT
        b.*,
        NULL::date, NULL::date,
        NULL::double precision, NULL::double precision, NULL::double precision,
        NULL::double precision, NULL::double precision,
        NULL::double precision, NULL::double precision, NULL::double precision,
        NULL::double precision, NULL::double precision,
        false
    FROM batch AS b
    WHERE NOT EXISTS (SELECT 1 FROM rep_changes AS c WHERE c.rep_id = b.rep_id)
),
chosen AS (
    SELECT
        *,
        -- Before the previous one: after a stored previous, the later of the batch's previous
        -- and the stored one before it; after the batch's, the later of the batch's before
        -- and the stored row before the batch's previous (skipping one of its date).
        CASE WHEN from_store THEN
                 CASE WHEN stored_before_date > previous_date OR previous_date IS NULL
                      THEN 'stored before' ELSE 'batch previous' END
             WHEN stored_date < previous_date THEN
                 CASE WHEN stored_date > before_date OR before_date IS NULL
                      THEN 'stored' ELSE 'batch before' END
             ELSE
                 CASE WHEN stored_before_date > before_date OR before_date IS NULL
                      THEN 'stored before' ELSE 'batch before' END
        END AS before_from
    FROM sourced
),
paired AS (
    SELECT
        rep_id, snapshot_date, source, file_index, name, line, ssi, brand, people, insights,
        relationships, from_store,
        CASE WHEN from_store THEN stored_date ELSE previous_date END AS previous_date,
        CASE WHEN from_store THEN o_ssi ELSE previous_ssi END AS previous_ssi,
        CASE WHEN from_store THEN o_brand ELSE previous_brand END AS previous_brand,
        CASE WHEN from_store THEN o_people ELSE previous_people END AS previous_people,
        CASE WHEN from_store THEN o_insights ELSE previous_insights END AS previous_insights,
        CASE WHEN from_store THEN o_relationships ELSE previous_relationships END
            AS previous_relationships,
        CASE before_from WHEN 'stored' THEN o_ssi WHEN 'stored before' THEN o_before_ssi
            WHEN 'batch previous' THEN previous_ssi ELSE before_ssi END AS before_ssi,
        CASE before_from WHEN 'stored' THEN o_brand WHEN 'stored before' THEN o_before_brand
            WHEN 'batch previous' THEN previous_brand ELSE before_brand END AS before_brand,
        CASE before_from WHEN 'stored' THEN o_people WHEN 'stored before' THEN o_before_people
            WHEN 'batch previous' THEN previous_people ELSE before_people END AS before_people,
        CASE before_from WHEN 'stored' THEN o_insights
            WHEN 'stored before' THEN o_before_insights
            WHEN 'batch previous' THEN previous_insights ELSE before_insights END
            AS before_insights,
        CASE before_from WHEN 'stored' THEN o_relationships
            WHEN 'stored before' THEN o_before_relationships
            WHEN 'batch previous' THEN previous_relationships ELSE before_relationships END
            AS before_relationships
    FROM chosen
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
    SELECT p.file_index, p.line, coalesce(r.name, p.name) AS rep, p.snapshot_date,
           p.previous_date, v.ordinal, v.column_name, v.previous, v.value
    FROM flagged AS p
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
