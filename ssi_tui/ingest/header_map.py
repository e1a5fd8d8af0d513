"""`--map "Find People=people"`: headers the user names explicitly, beside the alias table.

Pure Python (the CLI and the import dialog parse a mapping before any file is read); readers.py
applies it to every file's headers, whatever the format.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ssi_tui.ingest.headers import ALIASES, normalise_header

EXAMPLE = '"Find People=people"'
_SEPARATORS = re.compile(r"[;,]")


class HeaderMapError(ValueError):
    """A mapping that cannot be used: the message says what was expected (a usage error)."""


@dataclass(frozen=True)
class HeaderMap:
    """Export header -> our column, matched like the alias table (case, spaces and punctuation
    ignored); a mapped header wins over any alias."""

    pairs: tuple[tuple[str, str], ...] = ()
    """(header as the user typed it, our column), in the order given."""

    def __bool__(self) -> bool:
        return bool(self.pairs)

    def column_for(self, header: str) -> str | None:
        """Our column for HEADER when the mapping names it, else None."""
        spelled = normalise_header(header)
        return next((c for h, c in self.pairs if normalise_header(h) == spelled), None)

    def header_for(self, header: str) -> str | None:
        """The mapping's own spelling of HEADER when it names it, else None."""
        spelled = normalise_header(header)
        return next((h for h, _ in self.pairs if normalise_header(h) == spelled), None)

    @property
    def columns(self) -> set[str]:
        """Our columns the mapping gives a header to."""
        return {column for _, column in self.pairs}

    def key(self) -> str | None:
        """The mapping as part of a file's content key (import_skip); None when empty, so keys
        without a mapping stay as they were."""
        if not self.pairs:
            return None
        return ";".join(sorted(f"{normalise_header(h)}={c}" for h, c in self.pairs))

    def __str__(self) -> str:
        return "; ".join(f"{h}={c}" for h, c in self.pairs)


def parse_header_map(entries: Iterable[str]) -> HeaderMap:
    """ENTRIES (each `HEADER=column`, or several separated by `,` or `;`) as a HeaderMap.

    Raises HeaderMapError naming the faulty entry and what is expected.
    """
    pairs: dict[str, tuple[str, str]] = {}
    for entry in entries:
        for part in _SEPARATORS.split(entry):
            if not part.strip():
                continue
            header, column = _parse_pair(part)
            spelled = normalise_header(header)
            earlier = pairs.get(spelled)
            if earlier is not None and earlier[1] != column:
                raise HeaderMapError(
                    f"'{header}' is mapped twice, to '{earlier[1]}' and to '{column}';"
                    " expected one column per header"
                )
            pairs.setdefault(spelled, (header, column))
    return HeaderMap(tuple(pairs.values()))


def _parse_pair(text: str) -> tuple[str, str]:
    header, equals, target = text.strip().rpartition("=")
    header, target = header.strip(), target.strip()
    if not equals or not header or not target:
        raise HeaderMapError(f"expected HEADER=column such as {EXAMPLE}, got '{text.strip()}'")
    if not normalise_header(header):
        raise HeaderMapError(
            f"'{header}' has no letter or digit, so it matches no header; expected a header"
            f" of the file, such as {EXAMPLE}"
        )
    columns = {normalise_header(c): c for c in ALIASES}
    column = columns.get(normalise_header(target))
    if column is None:
        raise HeaderMapError(
            f"unknown column '{target}' in '{text.strip()}'; expected one of: {', '.join(ALIASES)}"
        )
    return header, column
