"""Settings the history keeps for everyone who opens it, beside the schema version in ssi_meta.

The remembered import options (`ssi-tui import --remember`), the day order learned from
earlier imports, and the default target: kept in the file, not in one manager's config, so
every manager opening it reads and imports alike.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ssi_tui.store.interface import Store

MAP_KEY = "remembered_map"
DATE_FORMAT_KEY = "remembered_date_format"
DAY_ORDER_KEY = "learned_day_order"
DEFAULT_TARGET_KEY = "default_target"


@dataclass(frozen=True)
class ImportSettings:
    """What an import without --map or --date-format reads files with."""

    header_map: tuple[tuple[str, str], ...] = ()
    """The remembered (header, column) pairs, as the user typed them."""
    date_format: str | None = None
    """The remembered --date-format."""
    day_order: str | None = None
    """The day order (`%d/%m/%Y` or `%m/%d/%Y`) the last import whose dates told it used."""

    def as_json(self) -> dict[str, object]:
        """A JSON-ready form (import_skip keeps it beside the content keys)."""
        return {
            "header_map": [list(pair) for pair in self.header_map],
            "date_format": self.date_format,
            "day_order": self.day_order,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> ImportSettings:
        """The settings as_json() wrote."""
        pairs = data.get("header_map") or []
        assert isinstance(pairs, list)
        date_format, day_order = data.get("date_format"), data.get("day_order")
        return cls(
            tuple((str(h), str(c)) for h, c in pairs),
            str(date_format) if date_format else None,
            str(day_order) if day_order else None,
        )


def _get(conn: Store, key: str) -> str | None:
    row = conn.first_row("meta_get", [key])
    return None if row is None else str(row[0])


def _put(conn: Store, key: str, value: str | None) -> None:
    if value is None:
        conn.run("meta_clear", [key])
    else:
        conn.run("meta_set", [key, value])


def import_settings(conn: Store) -> ImportSettings:
    """The history's remembered import options and learned day order (none: all empty)."""
    pairs = _get(conn, MAP_KEY)
    return ImportSettings(
        tuple((h, c) for h, c in json.loads(pairs)) if pairs else (),
        _get(conn, DATE_FORMAT_KEY),
        _get(conn, DAY_ORDER_KEY),
    )


def remember_import_options(
    conn: Store, header_map: tuple[tuple[str, str], ...], date_format: str | None
) -> None:
    """Keep HEADER_MAP and DATE_FORMAT for later imports (empty ones forgotten)."""
    _put(conn, MAP_KEY, json.dumps([list(p) for p in header_map]) if header_map else None)
    _put(conn, DATE_FORMAT_KEY, date_format)


def learn_day_order(conn: Store, order: str) -> None:
    """ORDER is how this history's slashed dates read, as an import's own dates showed."""
    _put(conn, DAY_ORDER_KEY, order)


def forget_import_settings(conn: Store) -> ImportSettings:
    """Forget the remembered options and the learned day order; what was forgotten."""
    forgotten = import_settings(conn)
    for key in (MAP_KEY, DATE_FORMAT_KEY, DAY_ORDER_KEY):
        _put(conn, key, None)
    return forgotten


def default_target(conn: Store) -> float | None:
    """The history's own default target, or None (the config file's applies)."""
    value = _get(conn, DEFAULT_TARGET_KEY)
    return None if value is None else float(value)


def set_default_target(conn: Store, target: float | None) -> None:
    """Keep TARGET as everyone's default (None: back to the config file's)."""
    _put(conn, DEFAULT_TARGET_KEY, None if target is None else repr(float(target)))
