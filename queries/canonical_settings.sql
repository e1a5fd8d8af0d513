-- The fast path's connection (ingest/canonical_csv.py), after canonical_allow.sql named the
-- files it may read: no other file, URL or extension is reachable from it any more.
SET enable_external_access = false;
-- It writes its rows in any order: kept in file order, DuckDB would hold back rows read out
-- of turn, costing time and memory. The store never depends on the order rows were written
-- in (every query says its order).
SET preserve_insertion_order = false;
