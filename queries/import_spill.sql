-- Where an import spills what does not fit in its memory (store.bound_memory): $spill, a
-- folder beside the database of the imports' own, which DuckDB removes on closing.
SET temp_directory = $spill;
