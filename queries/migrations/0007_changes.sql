-- Schema version 7: a history a manager can put right (issue #23).
--
-- Every write is a CHANGE: an import of files, a typed or pasted snapshot, a roster change
-- (rename, merge, team, leave, delete) or an undo. What a change wrote carries it (snapshots
-- and activities through their import_id, whose imports row names the change); what it
-- replaced or removed is kept in the superseded_* tables under its change_id, so an undo puts
-- back exactly what was there and a correction never loses the value it replaced.
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

-- The change each file of an import belongs to (one change per import run, however many files).
ALTER TABLE imports ADD COLUMN change_id INTEGER;

-- The imports made before version 7: one change per run (its files share imported_at).
INSERT INTO changes (kind, made_at, summary, added, corrected)
SELECT
    'files',
    imported_at,
    CASE WHEN count(*) = 1 THEN min(file_name) ELSE count(*) || ' files' END,
    sum(rows_added),
    sum(rows_updated)
FROM imports
GROUP BY imported_at
ORDER BY imported_at;
UPDATE imports SET change_id = c.change_id
FROM changes AS c
WHERE c.made_at = imports.imported_at;

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

-- A rep who left the team: off the boards after this date, their history kept.
ALTER TABLE reps ADD COLUMN left_on DATE;

-- A total alone is a snapshot (what is said at stand-up): pillars NULL = not given, never 0.
ALTER TABLE snapshots ALTER COLUMN brand DROP NOT NULL;
ALTER TABLE snapshots ALTER COLUMN people DROP NOT NULL;
ALTER TABLE snapshots ALTER COLUMN insights DROP NOT NULL;
ALTER TABLE snapshots ALTER COLUMN relationships DROP NOT NULL;
ALTER TABLE best_points ALTER COLUMN brand DROP NOT NULL;
ALTER TABLE best_points ALTER COLUMN people DROP NOT NULL;
ALTER TABLE best_points ALTER COLUMN insights DROP NOT NULL;
ALTER TABLE best_points ALTER COLUMN relationships DROP NOT NULL;
