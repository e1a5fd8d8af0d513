-- Whether the store holds no snapshot yet (a first import: every incoming row is added).
SELECT NOT EXISTS (SELECT 1 FROM snapshots);
