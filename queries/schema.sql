-- A new file's schema in one step: the tables as every migration in migrations/ leaves them
-- (schema version store.SCHEMA_VERSION; the migrations say what each table and column is for).
-- Running the migrations one after another on an empty file took ~0.1 s and 17 MB of DuckDB's
-- memory, a sixth of a small import; tests/store/test_schema.py holds the two equal.
CREATE TABLE ssi_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

CREATE TABLE reps (
    rep_id  VARCHAR PRIMARY KEY,
    name    VARCHAR NOT NULL,
    team    VARCHAR,
    left_on DATE  -- 0007
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
    imported_at    TIMESTAMP NOT NULL,
    change_id      INTEGER  -- 0007
);

-- 0001, 0004 (no primary-key index), 0005 (the board's points), 0007 (pillars may be NULL).
CREATE TABLE snapshots (
    rep_id        VARCHAR NOT NULL,
    snapshot_date DATE NOT NULL,
    source        VARCHAR NOT NULL DEFAULT 'official',
    ssi           DOUBLE NOT NULL,
    brand         DOUBLE,
    people        DOUBLE,
    insights      DOUBLE,
    relationships DOUBLE,
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
    brand         DOUBLE,
    people        DOUBLE,
    insights      DOUBLE,
    relationships DOUBLE,
    industry_rank DOUBLE,
    network_rank  DOUBLE,
    industry_avg  DOUBLE,
    network_avg   DOUBLE,
    change        DOUBLE,
    change_4w     DOUBLE
);

-- 0007.
CREATE SEQUENCE change_id_seq START 1;

CREATE TABLE changes (
    change_id INTEGER PRIMARY KEY DEFAULT nextval('change_id_seq'),
    kind      VARCHAR NOT NULL,   -- files, typed, pasted, rename, merge, team, leave, delete, undo
    made_at   TIMESTAMP NOT NULL,
    summary   VARCHAR NOT NULL,   -- one line for `ssi-tui history`
    added     INTEGER NOT NULL DEFAULT 0,   -- snapshots it added
    corrected INTEGER NOT NULL DEFAULT 0,   -- snapshots whose values it replaced
    removed   INTEGER NOT NULL DEFAULT 0,   -- snapshots it removed
    reps      INTEGER NOT NULL DEFAULT 0,   -- reps it created, changed or removed
    undoes    INTEGER,                      -- an undo: the change it reverted
    undone_by INTEGER                       -- set when an undo reverted this change
);

-- The rows a change replaced or removed, as they were (their board points are worked out
-- again when they are put back).
CREATE TABLE superseded_snapshots (
    change_id     INTEGER NOT NULL,
    rep_id        VARCHAR NOT NULL,
    snapshot_date DATE NOT NULL,
    source        VARCHAR NOT NULL,
    ssi           DOUBLE NOT NULL,
    brand         DOUBLE,
    people        DOUBLE,
    insights      DOUBLE,
    relationships DOUBLE,
    industry_rank DOUBLE,
    network_rank  DOUBLE,
    industry_avg  DOUBLE,
    network_avg   DOUBLE,
    import_id     INTEGER NOT NULL
);

CREATE TABLE superseded_activities (
    change_id                    INTEGER NOT NULL,
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
    import_id                    INTEGER NOT NULL
);

-- A rep as it was before a change: existed = false for a rep the change created.
CREATE TABLE superseded_reps (
    change_id INTEGER NOT NULL,
    rep_id    VARCHAR NOT NULL,
    existed   BOOLEAN NOT NULL,
    name      VARCHAR,
    team      VARCHAR,
    left_on   DATE
);

-- An alias as it was before a change: rep_id NULL for an alias the change added.
CREATE TABLE superseded_aliases (
    change_id INTEGER NOT NULL,
    alias     VARCHAR NOT NULL,
    rep_id    VARCHAR
);
