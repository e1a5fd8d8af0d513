"""The drill-down's breakdown of an estimated SSI: the same table as `ssi-tui model explain`.

Shown only while the snapshot on screen is an estimate; read in its own thread worker so
walking through reps never waits on the database.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rich.console import Group
from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import Static

from ssi_tui.errors import SsiError
from ssi_tui.estimate.explain import Explanation, load_for_rep
from ssi_tui.text import printable
from ssi_tui.ui.estimate_render import EST, breakdown_table, notes

TITLE = f"How the estimate ({EST}) was reached"


class EstimateBreakdown(Static):
    """Per pillar, each activity's value, cap, weight and points; hidden for official values."""

    DEFAULT_CSS = """
    EstimateBreakdown { height: auto; margin-top: 1; display: none; }
    """

    class Loaded(Message):
        """A worker read the explanation of one rep's estimate (None: nothing to explain)."""

        def __init__(
            self, rep_id: str, date: dt.date, explanation: Explanation | None, error: str
        ) -> None:
            self.rep_id = rep_id
            self.date = date
            self.explanation = explanation
            self.error = error
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.wanted: tuple[str, dt.date] | None = None
        """The (rep_id, date) whose estimate is shown, or None while hidden."""
        self.explanation: Explanation | None = None

    def show_for(self, db_path: str | Path, rep_id: str | None, date: dt.date | None) -> None:
        """Explain REP_ID's estimate on DATE; hide when either is None (official values)."""
        self.explanation = None
        if rep_id is None or date is None:
            self.wanted = None
            self.display = False
            return
        self.wanted = (rep_id, date)
        self.display = True
        self.update(Text(f"{TITLE}: reading…", style="dim"))
        self._load(db_path, rep_id, date)

    @work(thread=True, exclusive=True, group="estimate-breakdown")
    def _load(self, db_path: str | Path, rep_id: str, date: dt.date) -> None:
        try:
            explanation = load_for_rep(db_path, rep_id, date)
        except SsiError as error:
            self.post_message(self.Loaded(rep_id, date, None, str(error)))
            return
        self.post_message(self.Loaded(rep_id, date, explanation, ""))

    def on_estimate_breakdown_loaded(self, message: Loaded) -> None:
        if (message.rep_id, message.date) != self.wanted:
            return  # an answer for a rep the manager has already moved on from
        self.explanation = message.explanation
        title = Text(TITLE, style="bold underline")
        if message.explanation is None:
            why = message.error or "no activity metrics are stored for this estimate."
            self.update(Group(title, Text(printable(why), style="dim")))
            return
        e = message.explanation
        model = Text(f"Model: {printable(e.model.name)} ({e.model.digest})", style="dim")
        table = breakdown_table(e.estimate, e.activity, compact=True)
        self.update(Group(title, model, table, *notes(e.estimate)))
