-- The fast path of an import (ingest/canonical_csv.py): the rows of every file, typed, in the
-- columns the writer reads from `incoming` (validate.SNAPSHOT_COLUMNS plus file_index, and the
-- line the Polars path knows, here left NULL: warnings then name the file alone).
CREATE OR REPLACE TEMP TABLE incoming (
    file_index    INTEGER NOT NULL,
    rep_id        VARCHAR,
    name          VARCHAR,
    team          VARCHAR,
    snapshot_date DATE,
    source        VARCHAR NOT NULL,
    ssi           DOUBLE,
    brand         DOUBLE,
    people        DOUBLE,
    insights      DOUBLE,
    relationships DOUBLE,
    industry_rank DOUBLE,
    network_rank  DOUBLE,
    industry_avg  DOUBLE,
    network_avg   DOUBLE,
    line          BIGINT
);
