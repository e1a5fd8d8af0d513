-- The teams the current login is limited to (none: every team).
SELECT team FROM team_access WHERE role_name = current_user ORDER BY team;
