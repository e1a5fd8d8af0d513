-- Schema version 1: reps, dated snapshots (one per rep, date and source), the import log.
CREATE TABLE ssi_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE reps (
    rep_id VARCHAR PRIMARY KEY,
    name   VARCHAR NOT NULL,
    team   VARCHAR
);

CREATE SEQUENCE import_id_seq START 1;

CREATE TABLE imports (
    import_id      INTEGER PRIMARY KEY DEFAULT nextval('import_id_seq'),
    file_name      VARCHAR NOT NULL,
    content_hash   VARCHAR NOT NULL,
    rows_added     INTEGER NOT NULL,
    rows_updated   INTEGER NOT NULL,
    rows_unchanged INTEGER NOT NULL,
    rows_rejected  INTEGER NOT NULL,
    imported_at    TIMESTAMP NOT NULL
);

-- source: 'official' (LinkedIn's own numbers) or 'estimated' (computed from activity metrics).
CREATE TABLE snapshots (
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
    PRIMARY KEY (rep_id, snapshot_date, source)
);
