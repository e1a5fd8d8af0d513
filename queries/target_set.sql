INSERT INTO targets (scope, key, target) VALUES (?, ?, ?)
ON CONFLICT (scope, key) DO UPDATE SET target = excluded.target;
