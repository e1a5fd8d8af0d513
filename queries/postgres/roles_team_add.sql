-- One more team a login may see.
INSERT INTO team_access (role_name, team) VALUES (?, ?) ON CONFLICT DO NOTHING;
