"""A snapshot typed in (or pasted): one rep, one date, written as an import of its own.

`ssi-tui add`, the app's entry form and `ssi-tui paste` give an Entry. check_entry says what
is wrong with it in the importer's own words: the entry becomes a one-row export in our
columns and goes through ingest's validation, so the rules live in one place. add_entry
writes it through the import's writer in one transaction: one change in the history (kind
typed or pasted), corrections and board points as for files. Polars is imported only when
an entry is checked or written, so the app can import this module for nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ssi_tui import store
from ssi_tui.errors import SsiError
from ssi_tui.importing.entry_outcome import FIELD_LABELS, EntryOutcome, number_text
from ssi_tui.importing.rep_match import RepMatch, match_rep
from ssi_tui.pillars import PILLAR_KEYS
from ssi_tui.store.changes import ChangeKind

if TYPE_CHECKING:
    import polars as pl

    from ssi_tui.store.interface import Store

Value = float | str | None
"""A number, or the text as typed (read as an import reads a cell: `Top 9%`, `58 out of 100`),
or None when not given."""

VALUE_FIELDS: tuple[str, ...] = (
    "ssi",
    *PILLAR_KEYS,
    "industry_rank",
    "network_rank",
    "industry_avg",
    "network_avg",
)
"""An entry's numbers, in the order the form and `ssi-tui add` list them."""

_COLUMN_FIELDS = {"name": "rep", "rep_id": "rep"}
"""The export columns an entry's rep becomes, back to the field."""
_SOURCE_LABEL = "entry"
"""What validation calls the one-row export (never shown: problems name fields instead)."""
NEITHER_TOTAL_NOR_PILLARS = "give the SSI total, or all four pillars"


@dataclass(frozen=True)
class Entry:
    """One snapshot as a manager types it: who, when, and whatever numbers were said."""

    rep: str
    """The rep's name (matched as imports match names) or rep_id (an e-mail or profile)."""
    date: dt.date | str | None
    """The snapshot's date (text as YYYY-MM-DD)."""
    ssi: Value = None
    brand: Value = None
    people: Value = None
    insights: Value = None
    relationships: Value = None
    industry_rank: Value = None
    """The N of "Top N%"."""
    network_rank: Value = None
    industry_avg: Value = None
    network_avg: Value = None

    def values(self) -> dict[str, Value]:
        """The numbers given, by field (VALUE_FIELDS' order)."""
        return {key: getattr(self, key) for key in VALUE_FIELDS}


class EntryError(SsiError):
    """An entry that cannot be written as it is; nothing was. PROBLEMS: one line each, worded
    for the form (`SSI: expected a number from 0 to 100, got '120'`)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


def check_entry(db: str | Path | None, entry: Entry) -> list[str]:
    """What is wrong with ENTRY, one line a problem, worded for the form (empty: it can be
    saved). The values are checked by the importer's rules; DB (when it exists) tells whether
    the rep is a name several reps could be."""
    problems = _validated(entry, _rep_columns(entry, None))[1]
    if entry.rep.strip() and db is not None and store.exists(db):
        with store.open_read(db) as conn:
            found = match_rep(conn, entry.rep)
        if found.candidates and found.rep_id is None:
            problems.insert(0, _ambiguous(entry.rep, found))
    return problems


def find_rep(db: str | Path, rep: str) -> RepMatch:
    """Who REP (a name or id) is in DB: a stored rep, several (ambiguous), or nobody (new)."""
    if not rep.strip() or not store.exists(db):
        return RepMatch()
    with store.open_read(db) as conn:
        return match_rep(conn, rep)


def add_entry(
    db: str | Path,
    entry: Entry,
    *,
    kind: ChangeKind = ChangeKind.TYPED,
    new_rep_ok: bool = False,
    now: dt.datetime | None = None,
) -> EntryOutcome:
    """Write ENTRY into DB in one transaction, as one change of KIND; what it did.

    Raises EntryError (nothing written) when a value is invalid, the rep is a name several
    reps could be, or the rep is unknown and not NEW_REP_OK. A new DB is created only for a
    new rep (NEW_REP_OK), and appears whole or not at all.
    """
    problems = _validated(entry, _rep_columns(entry, None))[1]
    if problems:
        raise EntryError(problems)
    db = store.location(db)
    there = store.exists(db)
    if not there and not new_rep_ok:
        raise EntryError([_unknown(entry.rep)])
    opener = store.open_write if there else store.create_whole
    with opener(db) as conn:
        return _write(conn, entry, kind=kind, new_rep_ok=new_rep_ok, now=now)


def _write(
    conn: Store, entry: Entry, *, kind: ChangeKind, new_rep_ok: bool, now: dt.datetime | None
) -> EntryOutcome:
    """Find the rep, then classify and (when anything changes) write on CONN."""
    from ssi_tui.ingest.columns import FILE, LINE
    from ssi_tui.store import writer
    from ssi_tui.store.import_identity import Refused

    found = match_rep(conn, entry.rep)
    if found.rep_id is None and found.candidates:
        raise EntryError([_ambiguous(entry.rep, found)])
    if found.rep_id is None and not new_rep_ok:
        raise EntryError([_unknown(entry.rep)])
    rows, problems = _validated(entry, _rep_columns(entry, found))
    if problems:  # not expected: the values were checked, and a stored name is valid
        raise EntryError(problems)
    row = rows.row(0, named=True)
    stream = _ArrowStream(rows.drop(FILE).rename({LINE: "line"}).with_columns(_file_index_zero()))
    label = f"{kind}: {found.name or row['name']} {row['snapshot_date']}"
    try:
        # An entry that changes nothing is no change in the history: classified first (into
        # an empty store everything is new, and the writer stages it another way).
        if not conn.first_row("import_store_empty")[0]:  # type: ignore[index]
            counts = writer.classify(conn, stream).counts.get(0, writer.FileCounts())
            if not (counts.added or counts.updated):
                return _outcome(conn, "unchanged", row, found)
        outcome = writer.write(
            conn,
            stream,
            [writer.FileToLog(0, label, "", 0)],
            now=now,
            change_kind=kind,
            summary=label,
        )
    except Refused as refused:
        raise EntryError([message for _, _, message in refused.problems]) from None
    change = conn.first_row("entry_last_change")
    return _outcome(
        conn,
        "corrected" if outcome.counts[0].updated else "added",
        row,
        found,
        change_id=int(change[0]) if change and change[0] is not None else None,
        corrections=tuple(outcome.findings.corrections),
        warnings=tuple(
            f"{FIELD_LABELS.get(w.column, w.column)} {number_text(w.value)} moved by more than half"
            f" of {number_text(w.previous)} ({w.previous_date}); a typo?"
            for w in outcome.findings.warnings
        ),
    )


def _outcome(
    conn: Store,
    status: Literal["added", "corrected", "unchanged"],
    row: dict[str, Any],
    found: RepMatch,
    **more: Any,
) -> EntryOutcome:
    """What the store now holds for the entry's rep and date, as an EntryOutcome."""
    stored = conn.records(
        "entry_snapshot", {"rep_id": row["rep_id"], "snapshot_date": row["snapshot_date"]}
    )
    values = {k: stored[0][k] for k in VALUE_FIELDS} if stored else {}
    return EntryOutcome(
        status=status,
        rep_id=row["rep_id"],
        rep_name=found.name or row["name"],
        date=row["snapshot_date"],
        stored=values,
        new_rep=found.rep_id is None,
        **more,
    )


def _rep_columns(entry: Entry, found: RepMatch | None) -> dict[str, str]:
    """The rep as export columns: a stored rep by their id and stored name (renaming nobody),
    anyone else by the name typed (the importer makes their id from it)."""
    if found is not None and found.rep_id is not None:
        return {"rep_id": found.rep_id, "name": found.name or entry.rep}
    return {"name": entry.rep}


def _validated(entry: Entry, rep: dict[str, str]) -> tuple[pl.DataFrame, list[str]]:
    """ENTRY as the importer reads a one-row export with REP's columns: the typed row (empty
    when invalid) and the problems, worded for the form."""
    import polars as pl

    from ssi_tui.ingest.columns import LINE
    from ssi_tui.ingest.validate import validate

    cells: dict[str, str | None] = {
        **rep,
        "date": entry.date.isoformat() if isinstance(entry.date, dt.date) else entry.date,
        **{key: _cell(value) for key, value in entry.values().items()},
    }
    raw = pl.DataFrame(
        {LINE: [2], **{column: [text] for column, text in cells.items()}},
        schema={LINE: pl.Int64, **dict.fromkeys(cells, pl.String)},
    )
    result = validate(raw, _SOURCE_LABEL, header_line=None)
    return result.rows, _worded(result.problems)


def _cell(value: Value) -> str | None:
    """A value as an export's cell: a number as it would be typed (67, 20.5)."""
    if value is None or isinstance(value, str):
        return value
    return f"{float(value):.15g}"


def _worded(problems: list[Any]) -> list[str]:
    """Problems as the form shows them: `SSI: ...`; the four `missing value` problems of a
    row with neither a total nor all its pillars said once."""
    lines: list[str] = []
    for problem in problems:
        column = problem.column
        if column in PILLAR_KEYS and problem.message.startswith("missing value"):
            if NEITHER_TOTAL_NOR_PILLARS not in " ".join(lines):
                lines.append(f"SSI: {NEITHER_TOTAL_NOR_PILLARS}")
            continue
        label = FIELD_LABELS.get(_COLUMN_FIELDS.get(column or "", column or ""), column)
        lines.append(f"{label}: {problem.message}" if label else problem.message)
    return lines


def _ambiguous(rep: str, found: RepMatch) -> str:
    return (
        f"Rep: '{rep}' could be any of {', '.join(found.candidates)}; type the rep_id to say which"
    )


def _unknown(rep: str) -> str:
    return f"Rep: no rep called '{rep}'; add them as new with --new-rep (in the app: confirm)"


def _file_index_zero() -> Any:
    """The writer's file_index column: one entry, one 'file'."""
    import polars as pl

    return pl.lit(0, pl.Int32).alias("file_index")


class _ArrowStream:
    """Lets DuckDB scan a Polars frame without pyarrow (as the importer's does)."""

    def __init__(self, frame: pl.DataFrame) -> None:
        self._frame = frame

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self._frame.__arrow_c_stream__(requested_schema)
