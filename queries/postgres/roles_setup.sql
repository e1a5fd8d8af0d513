-- `ssi-tui roles URL setup` (issue #24): the three group roles of a shared history, their
-- rights on its tables, and per-team row-level security. Idempotent: run it again after
-- `ssi-tui upgrade` (new tables get their grants and policies). Role names are fixed here; no
-- text from a user is ever part of this SQL.
--   ssi_viewer    reads (SELECT);
--   ssi_importer  a viewer that also writes: import, add, paste, undo, reps, target;
--   ssi_admin     an importer that also grants the roles and sets who sees which teams.
-- Roles belong to the whole server: a login granted ssi_viewer is a viewer of every history on
-- it whose `roles setup` was run; team_access belongs to each history.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ssi_viewer') THEN
        CREATE ROLE ssi_viewer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ssi_importer') THEN
        CREATE ROLE ssi_importer NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ssi_admin') THEN
        CREATE ROLE ssi_admin NOLOGIN;
    END IF;
END
$$;
GRANT ssi_viewer TO ssi_importer;
GRANT ssi_importer TO ssi_admin;
-- An admin grants the viewer and importer roles to logins (making an admin takes a role with
-- CREATEROLE, as does creating a login).
GRANT ssi_viewer, ssi_importer TO ssi_admin WITH ADMIN OPTION;

-- Who may see which teams: a login with no row here sees every team.
CREATE TABLE IF NOT EXISTS team_access (
    role_name VARCHAR NOT NULL,
    team      VARCHAR NOT NULL,
    PRIMARY KEY (role_name, team)
);

-- Whether the current login sees every team (it has no team_access row). Policies call it as
-- `(SELECT ssi_sees_every_team())`: worked out once per query, not once per row.
CREATE OR REPLACE FUNCTION ssi_sees_every_team() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT NOT EXISTS (SELECT 1 FROM team_access WHERE role_name = current_user)
$$;

DO $$
DECLARE
    here text := quote_ident(current_schema());
BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %s TO ssi_viewer', here);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %s TO ssi_viewer', here);
    EXECUTE format('GRANT SELECT ON ALL SEQUENCES IN SCHEMA %s TO ssi_viewer', here);
    EXECUTE format('GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %s TO ssi_importer', here);
    EXECUTE format('GRANT USAGE, UPDATE ON ALL SEQUENCES IN SCHEMA %s TO ssi_importer', here);
    EXECUTE format('GRANT ALL ON ALL TABLES IN SCHEMA %s TO ssi_admin', here);
    EXECUTE format('GRANT ALL ON ALL SEQUENCES IN SCHEMA %s TO ssi_admin', here);
    EXECUTE format('GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %s TO ssi_viewer', here);
END
$$;
-- Only an admin says who sees what.
REVOKE INSERT, UPDATE, DELETE ON team_access FROM ssi_importer;
GRANT ALL ON team_access TO ssi_admin;

-- Row-level security: a team-limited login reads and writes only its teams' reps and what
-- belongs to them. Every per-rep table asks one question, `rep_id IN (SELECT rep_id FROM reps)`,
-- which reps' own policy answers (one hashed semi-join per query); a login that sees every team
-- skips it. The table's owner (who ran setup) is not limited.
ALTER TABLE reps ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON reps;
CREATE POLICY team_rows ON reps
    USING ((SELECT ssi_sees_every_team())
           OR team IN (SELECT t.team FROM team_access t WHERE t.role_name = current_user));

ALTER TABLE snapshots ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON snapshots;
CREATE POLICY team_rows ON snapshots
    USING ((SELECT ssi_sees_every_team()) OR rep_id IN (SELECT r.rep_id FROM reps r));

ALTER TABLE best_points ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON best_points;
CREATE POLICY team_rows ON best_points
    USING ((SELECT ssi_sees_every_team()) OR rep_id IN (SELECT r.rep_id FROM reps r));

ALTER TABLE activities ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON activities;
CREATE POLICY team_rows ON activities
    USING ((SELECT ssi_sees_every_team()) OR rep_id IN (SELECT r.rep_id FROM reps r));

ALTER TABLE rep_aliases ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON rep_aliases;
CREATE POLICY team_rows ON rep_aliases
    USING ((SELECT ssi_sees_every_team()) OR rep_id IN (SELECT r.rep_id FROM reps r));

ALTER TABLE superseded_snapshots ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON superseded_snapshots;
CREATE POLICY team_rows ON superseded_snapshots
    USING ((SELECT ssi_sees_every_team()) OR rep_id IN (SELECT r.rep_id FROM reps r));

ALTER TABLE superseded_activities ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON superseded_activities;
CREATE POLICY team_rows ON superseded_activities
    USING ((SELECT ssi_sees_every_team()) OR rep_id IN (SELECT r.rep_id FROM reps r));

-- A rep as it was: seen while the rep is, or when it was on one of the login's teams.
ALTER TABLE superseded_reps ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON superseded_reps;
CREATE POLICY team_rows ON superseded_reps
    USING ((SELECT ssi_sees_every_team())
           OR rep_id IN (SELECT r.rep_id FROM reps r)
           OR team IN (SELECT t.team FROM team_access t WHERE t.role_name = current_user));

-- An alias as it was (rep_id NULL: one a change added, seen only by logins seeing every team).
ALTER TABLE superseded_aliases ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON superseded_aliases;
CREATE POLICY team_rows ON superseded_aliases
    USING ((SELECT ssi_sees_every_team()) OR rep_id IN (SELECT r.rep_id FROM reps r));

-- A rep's target follows the rep, a team's the team.
ALTER TABLE targets ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON targets;
CREATE POLICY team_rows ON targets
    USING ((SELECT ssi_sees_every_team())
           OR (scope = 'rep' AND key IN (SELECT r.rep_id FROM reps r))
           OR (scope = 'team'
               AND key IN (SELECT t.team FROM team_access t WHERE t.role_name = current_user)));

-- An undo puts back every team's rows of a change, which a team-limited login can neither see
-- nor write: refused (the whole undo rolled back), never done in part.
CREATE OR REPLACE FUNCTION ssi_undo_needs_every_team() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT ssi_sees_every_team() THEN
        RAISE EXCEPTION 'row-level security: only a login that sees every team can undo'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS undo_by_every_team ON changes;
CREATE TRIGGER undo_by_every_team BEFORE UPDATE OF undone_by ON changes
    FOR EACH ROW WHEN (NEW.undone_by IS NOT NULL AND OLD.undone_by IS NULL)
    EXECUTE FUNCTION ssi_undo_needs_every_team();

-- The change history and the import log: a change names reps in its summary (a typed entry, a
-- rename, a merge) and a file by its name. A team-limited login sees the changes, and their
-- imports, that touched no other team's rep; a change of several teams (the organisation's
-- weekly file) is seen by logins that see every team. Which changes touched another team is
-- worked out by a function that reads every rep (SECURITY DEFINER: it runs as the owner, whom
-- row-level security does not limit), once per query.
CREATE OR REPLACE FUNCTION ssi_changes_hidden_from(login name) RETURNS SETOF integer
LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT AS $$
    WITH theirs AS (
        SELECT t.team FROM team_access t WHERE t.role_name = login
    ),
    others AS (
        SELECT r.rep_id FROM reps r
        WHERE r.team IS NULL OR r.team NOT IN (SELECT team FROM theirs)
    )
    SELECT i.change_id
    FROM snapshots s JOIN imports i ON i.import_id = s.import_id
    WHERE i.change_id IS NOT NULL AND s.rep_id IN (SELECT rep_id FROM others)
    UNION
    SELECT i.change_id
    FROM activities a JOIN imports i ON i.import_id = a.import_id
    WHERE i.change_id IS NOT NULL AND a.rep_id IN (SELECT rep_id FROM others)
    UNION
    SELECT change_id FROM superseded_snapshots WHERE rep_id IN (SELECT rep_id FROM others)
    UNION
    SELECT change_id FROM superseded_activities WHERE rep_id IN (SELECT rep_id FROM others)
    UNION
    SELECT change_id FROM superseded_aliases WHERE rep_id IN (SELECT rep_id FROM others)
    UNION
    SELECT change_id FROM superseded_reps
    WHERE rep_id IN (SELECT rep_id FROM others)
       OR (team IS NOT NULL AND team NOT IN (SELECT team FROM theirs))
$$;
REVOKE ALL ON FUNCTION ssi_changes_hidden_from(name) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ssi_changes_hidden_from(name) TO ssi_viewer;

ALTER TABLE changes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON changes;
CREATE POLICY team_rows ON changes
    USING ((SELECT ssi_sees_every_team())
           OR change_id NOT IN (SELECT ssi_changes_hidden_from(current_user)));

ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS team_rows ON imports;
CREATE POLICY team_rows ON imports
    USING ((SELECT ssi_sees_every_team())
           OR change_id NOT IN (SELECT ssi_changes_hidden_from(current_user)));
