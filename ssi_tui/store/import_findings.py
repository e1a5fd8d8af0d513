"""What an import tells besides its counts: the corrections it makes, the values that look like
typos, and the teams it applies or leaves (README "Importing"). Read in SQL from the staged
batch, before it is written, so a dry run says the same as the import."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ssi_tui.store.interface import Store

SHOWN = 20
"""How many corrections and warnings a summary lists, before counting the rest."""


@dataclass(frozen=True)
class Correction:
    """One stored value an import replaces."""

    rep: str
    date: dt.date
    column: str
    old: float | None
    new: float | None


@dataclass(frozen=True)
class ValueWarning:
    """A value imported that moved by more than half of the rep's previous one, and of the one
    before that when there is one (import_warnings.sql)."""

    file_index: int
    line: int | None
    rep: str
    date: dt.date
    column: str
    previous_date: dt.date
    previous: float
    value: float


@dataclass(frozen=True)
class TeamNotApplied:
    """A team a file gives that stays unapplied: the file is older than the rep's newest data."""

    rep: str
    team: str
    kept: str
    newest: dt.date


@dataclass(frozen=True)
class Findings:
    """Everything an import reports besides its per-file counts."""

    corrections: list[Correction] = field(default_factory=list)
    corrections_total: int = 0
    warnings: list[ValueWarning] = field(default_factory=list)
    warnings_total: int = 0
    teams_set: int = 0
    teams_not_applied: list[TeamNotApplied] = field(default_factory=list)
    matched_by_name: dict[int, int] = field(default_factory=dict)
    """Per file index, the rows taken as an existing rep's by name."""


def read(conn: Store, matched_by_name: dict[int, int], *, corrects: bool) -> Findings:
    """The findings of the batch staged on CONN (`staged`, `rep_changes`) but its warnings.

    CORRECTS: some staged row is 'updated' (else the corrections are not looked for: a big
    batch's look-ups took more than an import's memory bound)."""
    corrections = conn.rows("import_corrections", {"limit": SHOWN}) if corrects else []
    teams = conn.rows("import_teams_not_applied")
    return Findings(
        corrections=[Correction(rep, d, c, old, new) for rep, d, c, old, new, _ in corrections],
        corrections_total=corrections[0][-1] if corrections else 0,
        teams_set=conn.first_row("import_teams_set")[0],  # type: ignore[index]
        teams_not_applied=[TeamNotApplied(*row) for row in teams],
        matched_by_name=matched_by_name,
    )


def with_warnings(conn: Store, findings: Findings) -> Findings:
    """FINDINGS with the staged batch's typo-like values (import_warnings.sql)."""
    rows = conn.rows("import_warnings", {"limit": SHOWN})
    return replace(
        findings,
        warnings=[ValueWarning(*row[:-1]) for row in rows],
        warnings_total=rows[0][-1] if rows else 0,
    )
