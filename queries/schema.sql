-- A new file's schema in one step: the tables as every migration in migrations/ leaves them
-- (schema version store.SCHEMA_VERSION; the migrations say what each table and column is for).
-- Running the migrations one after another on an empty file took ~0.1 s and 17 MB of DuckDB's
-- memory, a sixth of a small import; tests/store/test_schema.py holds the two equal.
CREATE TABLE ssi_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE reps (
    rep_id VARCHAR PRIMARY KEY,
    name   VARCHAR NOT NULL,
    team   VARCHAR
);

-- 0006.
CREATE TABLE rep_aliases (
    alias  VARCHAR PRIMARY KEY,
    rep_id VARCHAR NOT NULL
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

-- 0001, 0004 (no primary-key index), 0005 (the board's points).
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
    until         DATE NOT NULL,
    change        DOUBLE,
    change_4w     DOUBLE
);

-- 0002.
CREATE TABLE targets (
    scope  VARCHAR NOT NULL CHECK (scope IN ('team', 'rep')),
    key    VARCHAR NOT NULL,
    target DOUBLE NOT NULL CHECK (target > 0 AND target <= 100),
    PRIMARY KEY (scope, key)
);

-- 0003.
CREATE TABLE estimate_models (
    model_hash VARCHAR PRIMARY KEY,
    name       VARCHAR NOT NULL,
    model_text VARCHAR NOT NULL
);

CREATE TABLE activities (
    rep_id                       VARCHAR NOT NULL,
    snapshot_date                DATE NOT NULL,
    profile_photo                DOUBLE,
    profile_completeness         DOUBLE,
    articles_published           DOUBLE,
    article_views                DOUBLE,
    followers_gained             DOUBLE,
    searches                     DOUBLE,
    leads_saved                  DOUBLE,
    profile_views                DOUBLE,
    posts_shared                 DOUBLE,
    engagement_received          DOUBLE,
    accounts_saved               DOUBLE,
    inmails_sent                 DOUBLE,
    inmails_answered             DOUBLE,
    connection_requests_sent     DOUBLE,
    connection_requests_accepted DOUBLE,
    connections                  DOUBLE,
    senior_connections           DOUBLE,
    model_hash                   VARCHAR NOT NULL,
    import_id                    INTEGER NOT NULL,
    PRIMARY KEY (rep_id, snapshot_date)
);

-- 0004.
CREATE TABLE board_dates (
    source VARCHAR NOT NULL,
    d      DATE NOT NULL
);

-- 0005.
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
