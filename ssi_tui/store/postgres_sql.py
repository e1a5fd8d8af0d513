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


_STATEMENT_TOKENS = re.compile(
    r"""
      (?P<kept>--[^\n]*|/\*.*?\*/|'(?:[^']|'')*'|"(?:[^"]|"")*"|\$\$.*?\$\$)
    | (?P<end>;)
    | (?P<positional>\?)
    | (?P<replace_temp>\bCREATE\s+OR\s+REPLACE\s+TEMP(?:ORARY)?\s+TABLE\s+(?P<table>\w+))
    | (?P<double>::\s*DOUBLE\b(?!\s+PRECISION))
    """,
    re.DOTALL | re.VERBOSE | re.IGNORECASE,
)
"""What splitting a query file into statements looks at: text it keeps, the end of a
statement, positional parameters, and the two DuckDB spellings every file may use."""


@cache
def statements(query: str) -> tuple[tuple[str, int], ...]:
    """QUERY's statements in PostgreSQL's words, each with how many `?` it binds.

    A query file may hold several statements; psycopg binds parameters into one at a time, so
    each is sent alone (with the parameters it names, or its share of the positional ones).
    DuckDB's `CREATE OR REPLACE TEMP TABLE t` becomes `DROP TABLE IF EXISTS t` and
    `CREATE TEMP TABLE t`, and a cast to DOUBLE one to `double precision`; the rest is as
    written (a file that needs more has its own spelling in queries/postgres/).
    """
    found: list[tuple[str, int]] = []
    current: list[str] = []
    positional = 0
    position = 0

    def close() -> None:
        nonlocal positional
        text = "".join(current).strip()
        if _has_code(text):
            found.append((text, positional))
        current.clear()
        positional = 0

    for match in _STATEMENT_TOKENS.finditer(query):
        current.append(query[position : match.start()])
        position = match.end()
        if match["end"] is not None:
            current.append(";")
            close()
        elif match["positional"] is not None:
            positional += 1
            current.append("?")
        elif match["replace_temp"] is not None:
            current.append(f"DROP TABLE IF EXISTS {match['table']}")
            close()
            current.append(f"CREATE TEMP TABLE {match['table']}")
        elif match["double"] is not None:
            current.append("::double precision")
        else:
            current.append(match.group())
    current.append(query[position:])
    close()
    return tuple(found)


def statement(query: str, index: int) -> str:
    """The INDEXth statement of QUERY, in PostgreSQL's words (see statements())."""
    return statements(query)[index][0]


def positional_counts(query: str) -> list[int]:
    """How many `?` each statement of QUERY binds, in order: one entry per statement."""
    return [count for _text, count in statements(query)]


def _has_code(text: str) -> bool:
    """Whether TEXT holds more than comments and blanks."""
    without = re.sub(r"--[^\n]*|/\*.*?\*/", "", text, flags=re.DOTALL)
    return bool(without.strip(" \t\n;"))


_PASSWORD_IN_USER = re.compile(r"^(?P<scheme>[a-z]+://)(?P<user>[^:@/]*):[^@/]*@", re.IGNORECASE)
_PASSWORD_PARAMETER = re.compile(r"([?&])password=[^&]*&?", re.IGNORECASE)


def shown(url: str) -> str:
    """URL without any password in it: what messages name the database by."""
    without_user_password = _PASSWORD_IN_USER.sub(r"\g<scheme>\g<user>@", url)
    return _PASSWORD_PARAMETER.sub(r"\1", without_user_password).rstrip("?&")
