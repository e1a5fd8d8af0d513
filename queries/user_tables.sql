-- How many tables the file already holds (a non-empty foreign file is never written into).
SELECT count(*) FROM information_schema.tables WHERE table_schema = 'main';
