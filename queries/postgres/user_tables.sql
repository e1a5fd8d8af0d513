-- How many tables the database already holds where the history would go (a database with other
-- tables is never written into).
SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema();
