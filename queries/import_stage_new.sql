-- A first import (no snapshots stored, so import_classify would call every row 'added'):
-- stage the incoming batch as a view of itself rather than copying it into a temp table.
CREATE OR REPLACE TEMP VIEW staged AS SELECT *, 'added' AS status FROM resolved;
