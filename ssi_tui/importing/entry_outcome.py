"""What an entry did (importing/entry.py): added, corrected or unchanged, and how to say it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from ssi_tui.pillars import PILLAR_KEYS

if TYPE_CHECKING:
    from ssi_tui.store.import_findings import Correction

FIELD_LABELS: dict[str, str] = {
    "rep": "Rep",
    "date": "Date",
    "ssi": "SSI",
    "brand": "Brand",
    "people": "People",
    "insights": "Insights",
    "relationships": "Relationships",
    "industry_rank": "Industry rank",
    "network_rank": "Network rank",
    "industry_avg": "Industry avg",
    "network_avg": "Network avg",
}
"""What the form calls each field, and how a problem or a correction names it."""


@dataclass(frozen=True)
class EntryOutcome:
    """What add_entry did."""

    status: Literal["added", "corrected", "unchanged"]
    rep_id: str
    rep_name: str
    date: dt.date
    stored: dict[str, float | None]
    """The snapshot as the store now holds it (VALUE_FIELDS; None: not given)."""
    new_rep: bool = False
    """The entry created the rep."""
    change_id: int | None = None
    """The change in the history (None when nothing changed)."""
    corrections: tuple[Correction, ...] = ()
    """Each value it replaced: column, old → new."""
    warnings: tuple[str, ...] = field(default_factory=tuple)
    """Values that moved by more than half since the rep's previous snapshot (typos?)."""

    def describe(self) -> str:
        """One line: `Added Ann Lee on 2026-12-06: SSI 67 (pillars not given)`."""
        who = f"{self.rep_name} (new rep)" if self.new_rep else self.rep_name
        if self.status == "unchanged":
            return f"Unchanged: {who} on {self.date} already has {self._numbers()}"
        if self.status == "corrected":
            changed = ", ".join(
                f"{FIELD_LABELS.get(c.column, c.column)} {number_text(c.old)}"
                f" -> {number_text(c.new)}"
                for c in self.corrections
            )
            return f"Corrected {who} on {self.date}: {changed}"
        return f"Added {who} on {self.date}: {self._numbers()}"

    def _numbers(self) -> str:
        """SSI 67 (pillars not given), or SSI 67 (brand 16, people 17, ...)."""
        total = f"SSI {number_text(self.stored.get('ssi'))}"
        pillars = [(k, self.stored.get(k)) for k in PILLAR_KEYS]
        given = [f"{FIELD_LABELS[k].lower()} {number_text(v)}" for k, v in pillars if v is not None]
        if not given:
            return f"{total} (pillars not given)"
        return f"{total} ({', '.join(given)})"


def number_text(value: float | None) -> str:
    """A value as written, without float noise (58.12, 58), or a dash when unknown."""
    return "–" if value is None else f"{round(value, 6):g}"
