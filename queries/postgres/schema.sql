-- A new PostgreSQL history's schema in one step (issue #24): the tables of queries/schema.sql
-- (schema version store.SCHEMA_VERSION; the migrations say what each table and column is for),
-- in PostgreSQL's types (DOUBLE is `double precision`); tests/store/test_postgres_schema.py holds
-- the two equal. Then what only a server needs: the import's vocabulary as functions (DuckDB's
-- are temporary macros, import_macros.sql) and the change counter; its indexes are in
-- schema_indexes.sql.
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
    ssi           double precision NOT NULL,
    brand         double precision,
    people        double precision,
    insights      double precision,
    relationships double precision,
    industry_rank double precision,
    network_rank  double precision,
    industry_avg  double precision,
    network_avg   double precision,
    import_id     INTEGER NOT NULL,
    until         DATE NOT NULL,
    change        double precision,
    change_4w     double precision
);

-- 0002.
CREATE TABLE targets (
    scope  VARCHAR NOT NULL CHECK (scope IN ('team', 'rep')),
    key    VARCHAR NOT NULL,
    target double precision NOT NULL CHECK (target > 0 AND target <= 100),
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
    profile_photo                double precision,
    profile_completeness         double precision,
    articles_published           double precision,
    article_views                double precision,
    followers_gained             double precision,
    searches                     double precision,
    leads_saved                  double precision,
    profile_views                double precision,
    posts_shared                 double precision,
    engagement_received          double precision,
    accounts_saved               double precision,
    inmails_sent                 double precision,
    inmails_answered             double precision,
    connection_requests_sent     double precision,
    connection_requests_accepted double precision,
    connections                  double precision,
    senior_connections           double precision,
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
    ssi           double precision NOT NULL,
    brand         double precision,
    people        double precision,
    insights      double precision,
    relationships double precision,
    industry_rank double precision,
    network_rank  double precision,
    industry_avg  double precision,
    network_avg   double precision,
    change        double precision,
    change_4w     double precision
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
    ssi           double precision NOT NULL,
    brand         double precision,
    people        double precision,
    insights      double precision,
    relationships double precision,
    industry_rank double precision,
    network_rank  double precision,
    industry_avg  double precision,
    network_avg   double precision,
    import_id     INTEGER NOT NULL
);

CREATE TABLE superseded_activities (
    change_id                    INTEGER NOT NULL,
    rep_id                       VARCHAR NOT NULL,
    snapshot_date                DATE NOT NULL,
    profile_photo                double precision,
    profile_completeness         double precision,
    articles_published           double precision,
    article_views                double precision,
    followers_gained             double precision,
    searches                     double precision,
    leads_saved                  double precision,
    profile_views                double precision,
    posts_shared                 double precision,
    engagement_received          double precision,
    accounts_saved               double precision,
    inmails_sent                 double precision,
    inmails_answered             double precision,
    connection_requests_sent     double precision,
    connection_requests_accepted double precision,
    connections                  double precision,
    senior_connections           double precision,
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

-- Its indexes: schema_indexes.sql (a new history's first rows are sent before they are built).

-- A DuckDB function the shared queries use, with DuckDB's meaning, so those queries run here
-- unchanged: round(DOUBLE, digits), as DuckDB works it out (scaled, rounded half away from zero
-- on the binary value, scaled back); PostgreSQL rounds only NUMERIC to digits, and its own
-- round(DOUBLE) rounds half to even.
CREATE FUNCTION round(value double precision, digits integer) RETURNS double precision
LANGUAGE sql IMMUTABLE AS $$
    SELECT sign(value) * floor(abs(value) * power(10::double precision, digits) + 0.5)
        / power(10::double precision, digits)
$$;

-- The import's vocabulary (see import_macros.sql, where DuckDB defines it for each import).
-- name_key: a name as identity compares it, case, accents, spacing and punctuation ignored.
CREATE FUNCTION name_key(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT regexp_replace(normalize(lower(name), NFD), '[^[:alnum:]]+', '', 'g')
$$;
-- tidy_name: a name as stored and shown, with single spaces and none around it.
CREATE FUNCTION tidy_name(name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT btrim(regexp_replace(name, '[[:space:]]+', ' ', 'g'))
$$;
-- id_from_name: whether an id is the one the importer makes from a name (a slug of it).
CREATE FUNCTION id_from_name(id text, name text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT strpos(id, '@') = 0 AND name_key(id) = name_key(name)
$$;
-- decimals: how many decimals VALUE is written with (its shortest form; 4: at least that).
CREATE FUNCTION decimals(value double precision) RETURNS integer LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN abs(value - round(value, 0)) < 1e-9 THEN 0
        WHEN abs(value - round(value, 1)) < 1e-9 THEN 1
        WHEN abs(value - round(value, 2)) < 1e-9 THEN 2
        WHEN abs(value - round(value, 3)) < 1e-9 THEN 3
        ELSE 4
    END
$$;
-- kept_at_precision: the stored value where it equals the incoming one at the incoming one's
-- precision, else the incoming one.
CREATE FUNCTION kept_at_precision(incoming double precision, stored double precision)
RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN incoming IS NOT NULL AND stored IS NOT NULL
             AND abs(incoming - stored)
                 <= 0.5 * power(10::double precision, -decimals(incoming)) + 1e-9
        THEN stored
        ELSE incoming
    END
$$;
-- looks_like_typo: a lone outlier against the rep's previous value (and the one before it).
CREATE FUNCTION looks_like_typo(
    value double precision, previous double precision, before double precision
) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT abs(value - previous) > previous / 2
        AND (before IS NULL OR abs(value - before) > before / 2)
$$;

-- The change counter (ssi_meta 'changes'): moved by every statement that writes a table of the
-- history, visible when its transaction commits. An app on the history polls it (the change
-- stamp), as it polls a file's size and time.
INSERT INTO ssi_meta (key, value) VALUES ('changes', '0');

CREATE FUNCTION ssi_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ssi_meta SET value = (value::bigint + 1)::text WHERE key = 'changes';
    RETURN NULL;
END
$$;
CREATE TRIGGER reps_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON reps
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER rep_aliases_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rep_aliases
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER imports_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON imports
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER snapshots_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON snapshots
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER targets_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON targets
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER estimate_models_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON estimate_models
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER activities_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON activities
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER board_dates_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON board_dates
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER best_points_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON best_points
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER changes_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON changes
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER superseded_snapshots_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON superseded_snapshots
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER superseded_activities_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON superseded_activities
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER superseded_reps_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON superseded_reps
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
CREATE TRIGGER superseded_aliases_counted AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON superseded_aliases
    FOR EACH STATEMENT EXECUTE FUNCTION ssi_count_change();
