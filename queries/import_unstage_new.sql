-- Drop the view import_stage_new made, before its batch is unregistered.
DROP VIEW IF EXISTS staged;
