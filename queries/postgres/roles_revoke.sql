-- Take a group role from a login (names filled in as quoted identifiers).
REVOKE {level} FROM {login};
