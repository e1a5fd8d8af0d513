-- The memory each sort or hash of this session's import may take before it spills to disk
-- (postgres_load.work_mem_for: sized to the batch).
SELECT set_config('work_mem', $work_mem, false);
