"""The query files as psycopg runs them, and server URLs as messages may show them (issue #24).

The files in queries/ bind parameters DuckDB's way, `?` and `$name`; psycopg binds `%s` and
`%(name)s`, and reads every other `%` as its own. Each query text is translated once: outside
comments, string literals and quoted names, `?` becomes `%s`, `$name` `%(name)s`, and every `%`
(anywhere) `%%`. Nothing of a value is ever put into the SQL: it stays bound.
"""

from __future__ import annotations

import re
from functools import cache

_TOKENS = re.compile(
    r"""
      (?P<kept>--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$\$.*?\$\$)
    | \$(?P<named>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<positional>\?)
    | (?P<percent>%)
    """,
    re.DOTALL | re.VERBOSE,
)
"""What the translation looks at: text it keeps (comments, literals, quoted names, function
bodies), parameters, and percent signs."""

URL_SCHEMES = ("postgresql://", "postgres://")


def is_server_url(location: object) -> bool:
    """Whether LOCATION names a PostgreSQL database rather than a file."""
    return isinstance(location, str) and location.lower().startswith(URL_SCHEMES)


@cache
def pyformat(query: str) -> str:
    """QUERY with psycopg's placeholders in place of DuckDB's (see the module's docstring)."""

    def replace(match: re.Match[str]) -> str:
        if match["kept"] is not None:
            return match["kept"].replace("%", "%%")
        if match["named"] is not None:
            return f"%({match['named']})s"
        if match["positional"] is not None:
            return "%s"
        return "%%"

    return _TOKENS.sub(replace, query)


_PASSWORD_IN_USER = re.compile(r"^(?P<scheme>[a-z]+://)(?P<user>[^:@/]*):[^@/]*@", re.IGNORECASE)
_PASSWORD_PARAMETER = re.compile(r"([?&])password=[^&]*&?", re.IGNORECASE)


def shown(url: str) -> str:
    """URL without any password in it: what messages name the database by."""
    without_user_password = _PASSWORD_IN_USER.sub(r"\g<scheme>\g<user>@", url)
    return _PASSWORD_PARAMETER.sub(r"\1", without_user_password).rstrip("?&")
