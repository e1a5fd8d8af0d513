-- The batch as the store's reps see it, when every id of it is its rep's own (the usual case):
-- the batch itself, at no cost.
CREATE OR REPLACE TEMP VIEW resolved AS SELECT * FROM incoming;
