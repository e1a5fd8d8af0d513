-- The only files the fast path's connection may read: those the user named (the export's
-- own paths, never a pattern), before canonical_settings.sql turns all other access off.
SET allowed_paths = $paths;
