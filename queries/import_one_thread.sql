-- A small import's write connection (store.bound_memory): one thread does it as fast, in less
-- memory.
SET threads = 1;
