-- The rep whose board points roster_points.sql works out again.
CREATE OR REPLACE TEMP TABLE roster_touched AS SELECT $rep_id::VARCHAR AS rep_id;
