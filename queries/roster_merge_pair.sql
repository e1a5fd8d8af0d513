-- The merge about to be written (read by roster_merge.sql): FROM, INTO, the change, the
-- imports row its moved rows carry, and which side wins a conflict ('from', 'into' or NULL).
CREATE OR REPLACE TEMP TABLE merge_pair AS
SELECT
    $change_id::INTEGER AS change_id,
    $from::VARCHAR AS from_id,
    $into::VARCHAR AS into_id,
    $import_id::INTEGER AS import_id,
    $keep::VARCHAR AS keep;
