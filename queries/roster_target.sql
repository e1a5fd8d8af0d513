-- The rep a delete removes, under its change (read by roster_delete.sql).
CREATE OR REPLACE TEMP TABLE roster_target AS
SELECT $change_id::INTEGER AS change_id, $rep_id::VARCHAR AS rep_id;
