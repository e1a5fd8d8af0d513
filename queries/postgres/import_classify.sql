-- queries/import_classify.sql in PostgreSQL's words (the columns spelled out where DuckDB says
-- EXCLUDE and REPLACE); the same meaning, see there. The rows keep their line, which
-- import_warnings.sql names (rather than joining the batch again to find it).
DROP TABLE IF EXISTS staged;
CREATE TEMP TABLE staged AS
SELECT
    m.file_index, m.rep_id, m.name, m.team, m.snapshot_date, m.source, m.ssi, m.brand, m.people,
    m.insights, m.relationships, m.industry_rank, m.network_rank, m.industry_avg, m.network_avg,
    m.line,
    CASE WHEN m.known IS NULL THEN 'added' ELSE 'updated' END AS status
FROM (
    SELECT
        i.file_index, i.rep_id, i.name, i.team, i.snapshot_date, i.source, i.line,
        kept_at_precision(i.ssi, s.ssi) AS ssi,
        CASE WHEN k.total_alone_kept THEN s.brand
             ELSE kept_at_precision(i.brand, s.brand) END AS brand,
        CASE WHEN k.total_alone_kept THEN s.people
             ELSE kept_at_precision(i.people, s.people) END AS people,
        CASE WHEN k.total_alone_kept THEN s.insights
             ELSE kept_at_precision(i.insights, s.insights) END AS insights,
        CASE WHEN k.total_alone_kept THEN s.relationships
             ELSE kept_at_precision(i.relationships, s.relationships) END AS relationships,
        coalesce(kept_at_precision(i.industry_rank, s.industry_rank), s.industry_rank)
            AS industry_rank,
        coalesce(kept_at_precision(i.network_rank, s.network_rank), s.network_rank)
            AS network_rank,
        coalesce(kept_at_precision(i.industry_avg, s.industry_avg), s.industry_avg)
            AS industry_avg,
        coalesce(kept_at_precision(i.network_avg, s.network_avg), s.network_avg)
            AS network_avg,
        s.rep_id AS known,
        s.ssi AS s_ssi,
        s.brand AS s_brand,
        s.people AS s_people,
        s.insights AS s_insights,
        s.relationships AS s_relationships,
        s.industry_rank AS s_industry_rank,
        s.network_rank AS s_network_rank,
        s.industry_avg AS s_industry_avg,
        s.network_avg AS s_network_avg
    FROM resolved AS i
    LEFT JOIN snapshots AS s
      ON s.rep_id = i.rep_id AND s.snapshot_date = i.snapshot_date AND s.source = i.source
    -- A total alone equal to the stored total keeps the stored pillars (see there).
    CROSS JOIN LATERAL (
        SELECT i.brand IS NULL AND i.people IS NULL AND i.insights IS NULL
               AND i.relationships IS NULL AND s.ssi IS NOT NULL
               AND kept_at_precision(i.ssi, s.ssi) = s.ssi AS total_alone_kept
    ) AS k
) AS m
WHERE m.known IS NULL
   OR m.ssi IS DISTINCT FROM m.s_ssi
   OR m.brand IS DISTINCT FROM m.s_brand
   OR m.people IS DISTINCT FROM m.s_people
   OR m.insights IS DISTINCT FROM m.s_insights
   OR m.relationships IS DISTINCT FROM m.s_relationships
   OR m.industry_rank IS DISTINCT FROM m.s_industry_rank
   OR m.network_rank IS DISTINCT FROM m.s_network_rank
   OR m.industry_avg IS DISTINCT FROM m.s_industry_avg
   OR m.network_avg IS DISTINCT FROM m.s_network_avg;
