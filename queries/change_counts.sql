-- What a change did, as `ssi-tui history` counts it.
UPDATE changes SET added = ?, corrected = ?, removed = ?, reps = ? WHERE change_id = ?;
