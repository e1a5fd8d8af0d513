-- The import's vocabulary, on its own connection (temporary: nothing is stored in the file).
--
-- name_key: a name as identity compares it, case, accents, spacing and punctuation ignored
-- (`Jón  Smith`, `jon smith` and `Jon-Smith` are one key).
CREATE OR REPLACE TEMP MACRO name_key(name) AS
    regexp_replace(strip_accents(lower(name)), '[^\p{L}\p{N}]+', '', 'g');
-- tidy_name: a name as stored and shown, with single spaces and none around it.
CREATE OR REPLACE TEMP MACRO tidy_name(name) AS
    trim(regexp_replace(name, '\pZ+', ' ', 'g'));
-- id_from_name: whether an id is the one the importer makes from a name (a slug of it),
-- rather than an e-mail or a profile.
CREATE OR REPLACE TEMP MACRO id_from_name(id, name) AS
    NOT contains(id, '@') AND name_key(id) = name_key(name);
-- decimals: how many decimals VALUE is written with (its shortest form; 4: at least that).
CREATE OR REPLACE TEMP MACRO decimals(value) AS
    CASE
        WHEN abs(value - round(value, 0)) < 1e-9 THEN 0
        WHEN abs(value - round(value, 1)) < 1e-9 THEN 1
        WHEN abs(value - round(value, 2)) < 1e-9 THEN 2
        WHEN abs(value - round(value, 3)) < 1e-9 THEN 3
        ELSE 4
    END;
-- kept_at_precision: the value an import stores where STORED is and INCOMING comes: the stored
-- one when they are equal at the incoming value's precision (58 over 58.12, 20.5 over 20.46:
-- a rounded sheet never "corrects" a precise export), else the incoming one.
CREATE OR REPLACE TEMP MACRO kept_at_precision(incoming, stored) AS
    CASE
        WHEN incoming IS NOT NULL AND stored IS NOT NULL
             AND abs(incoming - stored) <= 0.5 * pow(10, -decimals(incoming)) + 1e-9
        THEN stored
        ELSE incoming
    END;
-- looks_like_typo: VALUE moved by more than half of the rep's PREVIOUS value, and is as far
-- from the one BEFORE that when there is one: a lone outlier (Brand 1.34 after 13.5), never
-- the return to normal after it (13.6 after 1.34 and 13.5).
CREATE OR REPLACE TEMP MACRO looks_like_typo(value, previous, before) AS
    abs(value - previous) > previous / 2
    AND (before IS NULL OR abs(value - before) > before / 2);
