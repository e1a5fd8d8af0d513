INSERT INTO import_files VALUES (?, ?);
