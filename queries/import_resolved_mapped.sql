-- The batch as the store's reps see it (import_rep_map.sql): each row under its rep's id. Two
-- rows now one rep's on one date and source (a sheet by name and an export by e-mail of the
-- same week) are one snapshot: the one written with the more decimals is kept (the other
-- must agree with it at its own precision, see import_resolved_conflicts.sql).
CREATE OR REPLACE TEMP TABLE resolved_rows AS
SELECT i.* REPLACE (coalesce(m.rep_id, i.rep_id) AS rep_id)
FROM incoming AS i
LEFT JOIN rep_map AS m ON m.given = i.rep_id
QUALIFY row_number() OVER (
    PARTITION BY coalesce(m.rep_id, i.rep_id), i.snapshot_date, i.source
    ORDER BY
        decimals(i.ssi) + decimals(i.brand) + decimals(i.people) + decimals(i.insights)
            + decimals(i.relationships) DESC,
        i.file_index DESC
) = 1;
CREATE OR REPLACE TEMP VIEW resolved AS SELECT * FROM resolved_rows;
