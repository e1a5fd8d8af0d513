-- How many staged rows the Polars path would not take exactly as they are: a missing total
-- or an out-of-range value, a year before 1000, a total off the pillar sum (with pillars left
-- blank, below the sum of those given: a total alone is a snapshot, its blank pillars
-- unknown), an id it would rewrite (not lower-case ASCII, or a profile URL), text it would
-- trim, a NUL (it calls such a file binary), or two rows for one rep and date. Any of them
-- sends the import down the Polars path, which reports or mends each one. Text is judged on
-- the distinct (rep_id, name, team) triples: a big export has few.
SELECT
    (
        SELECT count(*) FILTER (
            WHERE snapshot_date IS NULL OR snapshot_date < DATE '1000-01-01'
               OR ssi IS NULL
               OR NOT (ssi BETWEEN 0 AND $total_max)
               OR NOT (brand BETWEEN 0 AND $pillar_max)
               OR NOT (people BETWEEN 0 AND $pillar_max)
               OR NOT (insights BETWEEN 0 AND $pillar_max)
               OR NOT (relationships BETWEEN 0 AND $pillar_max)
               OR abs(ssi - (brand + people + insights + relationships)) > $tolerance
               OR coalesce(brand, 0) + coalesce(people, 0) + coalesce(insights, 0)
                  + coalesce(relationships, 0) - ssi > $tolerance
               OR NOT (industry_rank > 0 AND industry_rank <= 100)
               OR NOT (network_rank > 0 AND network_rank <= 100)
               OR NOT (industry_avg BETWEEN 0 AND $total_max)
               OR NOT (network_avg BETWEEN 0 AND $total_max)
        )
        FROM incoming
    )
    + (
        SELECT count(*) FILTER (
            WHERE rep_id IS NULL
               OR NOT regexp_full_match(rep_id, '[!-~]+')
               OR rep_id <> lower(rep_id)
               OR contains(rep_id, 'linkedin.com/in/')
               OR name IS NULL
               OR name = ''
               OR contains(name, chr(0))
               OR contains(team, chr(0))
               OR regexp_matches(name, '^[\s\x0b\x{85}\pZ]|[\s\x0b\x{85}\pZ]$')
               OR team = ''
               OR regexp_matches(team, '^[\s\x0b\x{85}\pZ]|[\s\x0b\x{85}\pZ]$')
        )
        FROM (SELECT DISTINCT rep_id, name, team FROM incoming)
    )
    + (
        -- Keys grouped by their hash, twice as fast as by the two columns: two keys sharing
        -- one (never seen) would merely send a valid export down the Polars path.
        SELECT count(*)
        FROM (SELECT 1 FROM incoming GROUP BY hash(rep_id, snapshot_date) HAVING count(*) > 1)
    );
