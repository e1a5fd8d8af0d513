-- queries/import_resolved_mapped.sql in PostgreSQL's words (the columns spelled out, QUALIFY as
-- a window in a subquery); the same meaning, see there.
DROP VIEW IF EXISTS resolved;
DROP TABLE IF EXISTS resolved_rows;
CREATE TEMP TABLE resolved_rows AS
SELECT
    file_index, rep_id, name, team, snapshot_date, source, ssi, brand, people, insights,
    relationships, industry_rank, network_rank, industry_avg, network_avg, line
FROM (
    SELECT
        i.file_index, coalesce(m.rep_id, i.rep_id) AS rep_id, i.name, i.team, i.snapshot_date,
        i.source, i.ssi, i.brand, i.people, i.insights, i.relationships, i.industry_rank,
        i.network_rank, i.industry_avg, i.network_avg, i.line,
        row_number() OVER (
            PARTITION BY coalesce(m.rep_id, i.rep_id), i.snapshot_date, i.source
            ORDER BY
                decimals(i.ssi) + decimals(i.brand) + decimals(i.people) + decimals(i.insights)
                    + decimals(i.relationships) DESC,
                i.file_index DESC
        ) AS kept
    FROM incoming AS i
    LEFT JOIN rep_map AS m ON m.given = i.rep_id
) AS ranked
WHERE kept = 1;
CREATE TEMP VIEW resolved AS SELECT * FROM resolved_rows;
