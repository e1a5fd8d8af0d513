-- Whether the database holds an ssi_meta table at all (asked first: on a server, a query of a
-- missing table would spoil the transaction it runs in).
SELECT to_regclass('ssi_meta') IS NOT NULL;
