-- Schema version 6: one rep per person across imports (importer identity rules, README
-- "Importing"). A rep first known only by name (their rep_id was made from it) keeps that
-- rep_id when a later export brings their e-mail or profile: the new id is recorded here and
-- read as theirs from then on, so their history, target, exclusion and pseudonym stay put.
CREATE TABLE rep_aliases (
    alias  VARCHAR PRIMARY KEY,   -- an e-mail or profile slug, as the importer writes ids
    rep_id VARCHAR NOT NULL       -- the rep it names (reps.rep_id)
);
-- Names are kept with single spaces and no surrounding ones (`Jon  Smith` is `Jon Smith`).
UPDATE reps SET name = trim(regexp_replace(name, '\pZ+', ' ', 'g'))
WHERE name IS DISTINCT FROM trim(regexp_replace(name, '\pZ+', ' ', 'g'));
