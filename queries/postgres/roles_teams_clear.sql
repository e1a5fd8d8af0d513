-- A login's team limits gone: it sees every team.
DELETE FROM team_access WHERE role_name = ?;
