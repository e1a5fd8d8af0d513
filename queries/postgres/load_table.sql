-- A frame loaded for the queries of one block (Store.load): its columns and their types, named
-- by the store (identifiers quoted by psycopg's sql module); gone when the block ends.
CREATE TEMP TABLE {table} ({columns});
