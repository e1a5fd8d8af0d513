-- Past $last import ids: the next is $last + 1.
SELECT setval('import_id_seq', greatest($last::bigint, 1), $last::bigint > 0);
