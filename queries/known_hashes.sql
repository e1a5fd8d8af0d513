-- Content hashes of every file imported so far: the exact same file is never read twice.
SELECT DISTINCT content_hash FROM imports;
