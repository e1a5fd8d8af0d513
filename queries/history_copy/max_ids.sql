-- The highest import and change ids a copied history holds: its sequences go on after them.
SELECT
    (SELECT coalesce(max(import_id), 0) FROM imports),
    (SELECT coalesce(max(change_id), 0) FROM changes);
