-- What the file says about itself: is it ours, and which schema version is it at?
SELECT
    (SELECT count(*) FROM information_schema.tables
      WHERE table_schema = 'main' AND table_name = 'ssi_meta') AS has_meta;
