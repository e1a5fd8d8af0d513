-- Schema version 5: the board's points live in the snapshots themselves, so an import writes
-- its history once, not twice (at 10,000 reps x 104 weeks the second copy, board_points, cost
-- a sixth of the import, and half the file).
--
-- A snapshot's point on the board of its own source (official or estimated), kept by every
-- import (import_insert_snapshots.sql, board_own_refresh.sql):
--   until      = the date of the rep's next snapshot of that source (9999-12-31: none yet), so
--                the board as of D is the rows with snapshot_date <= D < until;
--   change     = its total minus the latest total of that source on or before (date - 7 days);
--   change_4w  = the same against (date - 28 days).
-- For a rep with one source, that is also their 'best' board. The 'best' board of a rep with
-- both sources (official where a date has both, else estimated) is kept apart, in best_points.
CREATE TABLE snapshots_v5 (
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
    import_id     INTEGER NOT NULL,
    until         DATE NOT NULL,
    change        DOUBLE,
    change_4w     DOUBLE
);
INSERT INTO snapshots_v5
SELECT
    rep_id, snapshot_date, source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg, import_id,
    coalesce(lead(snapshot_date) OVER w, DATE '9999-12-31'),
    round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 7 PRECEDING), 3),
    round(ssi - last_value(ssi) OVER (w RANGE BETWEEN UNBOUNDED PRECEDING AND 28 PRECEDING), 3)
FROM (SELECT *, snapshot_date - DATE '1970-01-01' AS day FROM snapshots)
WINDOW w AS (PARTITION BY rep_id, source ORDER BY day);
DROP TABLE snapshots;
ALTER TABLE snapshots_v5 RENAME TO snapshots;

-- The 'best' board of the reps with both sources, point by point as above (kept by
-- board_best_refresh.sql): the rows of board_points that were not copies of snapshots.
CREATE TABLE best_points (
    rep_id        VARCHAR NOT NULL,
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
INSERT INTO best_points
SELECT
    rep_id, d, until, source, ssi, brand, people, insights, relationships,
    industry_rank, network_rank, industry_avg, network_avg, change, change_4w
FROM board_points
WHERE mode = 'best' AND mixed;
DROP TABLE board_points;
