-- Past $last change ids: the next is $last + 1.
SELECT setval('change_id_seq', greatest($last::bigint, 1), $last::bigint > 0);
