-- Make a login a member of one of the group roles (names filled in as quoted identifiers).
GRANT {level} TO {login};
