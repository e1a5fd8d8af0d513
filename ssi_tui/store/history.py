"""Reading the change history (migrations/0007_changes.sql): what `ssi-tui history` lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ssi_tui.store.interface import Store

KIND_LABELS: dict[str, str] = {
    "files": "file import",
    "typed": "typed",
    "pasted": "pasted",
    "rename": "rename",
    "merge": "merge",
    "team": "team",
    "leave": "leave",
    "delete": "delete",
    "undo": "undo",
}
"""What each kind of change is called where people read it (the CLI, the app)."""


@dataclass(frozen=True)
class ChangeInfo:
    """One change as the history shows it."""

    change_id: int
    kind: str
    made_at: dt.datetime
    summary: str
    added: int
    corrected: int
    removed: int
    reps: int
    undoes: int | None
    undone_by: int | None

    @property
    def kind_label(self) -> str:
        """The kind as people read it (`file import`, `typed`, `undo` ...)."""
        return KIND_LABELS.get(self.kind, self.kind)

    def describe(self) -> str:
        """`#3 file import 'week4.csv'`: how messages name the change."""
        return f"#{self.change_id} {self.kind_label} '{self.summary}'"

    def as_json(self) -> dict[str, Any]:
        """The change for `--format json` (its time in ISO form)."""
        return {
            "id": self.change_id,
            "made_at": self.made_at.isoformat(sep=" "),
            "kind": self.kind,
            "summary": self.summary,
            "added": self.added,
            "corrected": self.corrected,
            "removed": self.removed,
            "reps": self.reps,
            "undoes": self.undoes,
            "undone_by": self.undone_by,
        }


def list_changes(conn: Store) -> list[ChangeInfo]:
    """Every change, newest first."""
    return [ChangeInfo(*row) for row in conn.rows("changes_list")]


def change(conn: Store, change_id: int) -> ChangeInfo | None:
    """The change CHANGE_ID, or None when there is none."""
    row = conn.first_row("change_one", [change_id])
    return ChangeInfo(*row) if row else None
