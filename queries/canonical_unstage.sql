-- Let go of the fast path's staged rows (ingest/canonical_csv.py).
DROP TABLE IF EXISTS incoming;
