-- A loaded frame's statistics, so the planner knows its size (a temp table has none).
ANALYZE {table};
