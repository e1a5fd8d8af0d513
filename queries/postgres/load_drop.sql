-- The end of a load: the table, and any temp view a query made of it.
DROP TABLE IF EXISTS {table} CASCADE;
