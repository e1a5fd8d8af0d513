"""Who a rep typed by hand is: a stored rep, several (ambiguous), or nobody yet (a new rep).

Matched as imports match rows (README "One rep per person"): the rep's id, an e-mail or
profile the rep adopted, else the name with case, accents, spacing and punctuation ignored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ssi_tui.store.interface import Store


@dataclass(frozen=True)
class RepMatch:
    """The outcome of matching a typed rep against the roster."""

    rep_id: str | None = None
    """The one stored rep meant (None: nobody, or several)."""
    name: str | None = None
    """That rep's stored name."""
    candidates: tuple[str, ...] = ()
    """When several reps share the name: each as `rep_id (name)`."""

    @property
    def is_new(self) -> bool:
        """Nobody in the roster: saving would create the rep."""
        return self.rep_id is None and not self.candidates


def match_rep(conn: Store, rep: str) -> RepMatch:
    """Who REP (a name or an id) is on CONN's roster."""
    if not rep.strip():
        return RepMatch()
    conn.run("import_macros")  # name_key
    rows = conn.rows("entry_rep_match", {"rep": rep})
    if not rows:
        return RepMatch()
    best = [(rep_id, name) for rep_id, name, how in rows if how == rows[0][2]]
    if len(best) == 1:
        return RepMatch(rep_id=best[0][0], name=best[0][1])
    return RepMatch(candidates=tuple(f"{rep_id} ({name})" for rep_id, name in best))
