DELETE FROM targets WHERE scope = ? AND key = ?;
