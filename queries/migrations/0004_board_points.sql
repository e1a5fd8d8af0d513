-- Schema version 4: board_points, the leaderboard's rollup of snapshots, and board_dates, kept
-- by every import (queries/board_points_refresh.sql) so that viewing never scans the history.
--
-- Also: snapshots lose their primary-key index. The importer keeps (rep_id, snapshot_date,
-- source) unique by itself (every incoming row is classified against the stored ones, and a
-- batch with two different rows for one key is refused), and maintaining the index made a
-- large import four times slower to insert.
CREATE TABLE snapshots_v4 (
    rep_id        VARCHAR NOT NULL,
    snapshot_date DATE NOT NULL,
    source        VARCHAR NOT NULL DEFAULT 'official',
    ssi           DOUBLE NOT NULL,
    brand         DOUBLE NOT NULL,
    people        DOUBLE NOT NULL,
    insights      DOUBLE NOT NULL,
    relationships DOUBLE NOT NULL,
    industry_rank DOUBLE,
    network_rank  DOUBLE,
    industry_avg  DOUBLE,
    network_avg   DOUBLE,
    import_id     INTEGER NOT NULL
);
INSERT INTO snapshots_v4 SELECT * FROM snapshots;
DROP TABLE snapshots;
ALTER TABLE snapshots_v4 RENAME TO snapshots;

--
-- A point is what the board shows for a rep from date d until the day before `until` (the
-- rep's next point in the same mode): the snapshot of that date with its week-on-week and
-- four-week changes already worked out. Modes are the board's sources: 'best' (official where
-- a date has both, else estimated) for every rep, plus 'official' and 'estimated' rows for
-- the reps that have both sources (mixed). For a rep with one source, that source's board is
-- its 'best' rows, so those are not stored twice:
--     rows of source S = mode = S  OR  (mode = 'best' AND NOT mixed AND source = S)
CREATE TABLE board_points (
    rep_id        VARCHAR NOT NULL,
    mode          VARCHAR NOT NULL,
    mixed         BOOLEAN NOT NULL,
    d             DATE NOT NULL,
    until         DATE NOT NULL,
    source        VARCHAR NOT NULL,
    ssi           DOUBLE NOT NULL,
    brand         DOUBLE NOT NULL,
    people        DOUBLE NOT NULL,
    insights      DOUBLE NOT NULL,
    relationships DOUBLE NOT NULL,
    industry_rank DOUBLE,
    network_rank  DOUBLE,
    industry_avg  DOUBLE,
    network_avg   DOUBLE,
    change        DOUBLE,
    change_4w     DOUBLE
);

-- Every (source, date) with a snapshot: the steps of the as-of date, without a scan.
CREATE TABLE board_dates (
    source VARCHAR NOT NULL,
    d      DATE NOT NULL
);

INSERT INTO board_dates SELECT DISTINCT source, snapshot_date FROM snapshots;

-- The points of the snapshots already stored (the same rules as board_points_refresh.sql).
INSERT INTO board_points
WITH mixed_reps AS (
    SELECT rep_id FROM snapshots GROUP BY rep_id HAVING min(source) <> max(source)
),
src AS (
    SELECT s.*, m.rep_id IS NOT NULL AS mixed
    FROM snapshots AS s
    LEFT JOIN mixed_reps AS m USING (rep_id)
),
moded AS (
    SELECT 'best' AS mode, * FROM src WHERE NOT mixed
    UNION ALL
    SELECT source AS mode, * FROM src WHERE mixed
    UNION ALL
    SELECT 'best' AS mode, * FROM src
    WHERE mixed AND (source = 'official' OR NOT EXISTS (
        SELECT 1 FROM snapshots AS o
        WHERE o.rep_id = src.rep_id
          AND o.snapshot_date = src.snapshot_date
          AND o.source = 'official'
    ))
)
SELECT
    rep_id, mode, mixed, snapshot_date,
    coalesce(lead(snapshot_date) OVER w, DATE '9999-12-31'),
    source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg,
    round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 7 PRECEDING), 3),
    round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 28 PRECEDING), 3)
FROM (SELECT *, snapshot_date - DATE '1970-01-01' AS day FROM moded)
WINDOW w AS (PARTITION BY rep_id, mode ORDER BY day);
-- Not sorted by date for zone maps: at 10,000 reps x 104 weeks a board read as fast either
-- way, and the sort took 0.8 s of every large import.
