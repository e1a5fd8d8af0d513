"""`ssi-tui leaderboard` output: a Rich table, CSV, JSON or Markdown, all safe to paste anywhere.

Every text value is treated as data: Rich markup is never interpreted, CSV cells that a
spreadsheet would run as a formula are neutralised, Markdown table syntax is escaped.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from ssi_tui.model.board import LeaderboardRow
from ssi_tui.pillars import NOT_GIVEN, PILLAR_KEYS, PILLARS, pillar_text
from ssi_tui.text import printable

FORMATS: tuple[str, ...] = ("table", "csv", "json", "markdown", "html")
JSON_KEYS: tuple[str, ...] = (
    "rank",
    "rep_id",
    "name",
    "team",
    "ssi",
    *PILLAR_KEYS,
    "change",
    "as_of",
    "target",
    "pct_of_target",
    "change_4w",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row_record(row: LeaderboardRow) -> dict[str, Any]:
    """The contract's fields of one row, as plain JSON-ready values.

    `rep_id` is the public id: a pseudonym when the board is anonymised.
    """
    record = {key: getattr(row, key) for key in JSON_KEYS}
    record["rep_id"] = row.public_id
    record["as_of"] = row.as_of.isoformat()
    return record


def to_json(rows: Sequence[LeaderboardRow]) -> str:
    """A list of objects with exactly JSON_KEYS."""
    return json.dumps([row_record(r) for r in rows], indent=2, ensure_ascii=False)


def neutralise_formula(cell: str) -> str:
    """Prefix a quote so a spreadsheet shows `=cmd|...` as text instead of running it."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _number(value: float | None, digits: int = 2) -> str:
    if value is None:
        return ""
    return f"{value:.{digits}f}".rstrip("0").rstrip(".") if digits else f"{value:.0f}"


def to_csv(rows: Sequence[LeaderboardRow]) -> str:
    """CSV with the JSON keys as header; text cells neutralised against formula injection."""
    out = io.StringIO()
    # The writer quotes a cell holding a line break only if the break is in its terminator:
    # with "\n" alone, a CR in a name went out bare and split the record in spreadsheets. So
    # records are written with "\r\n", then each one's terminator is turned back into "\n".
    writer = csv.writer(out, lineterminator="\r\n")

    def write(values: Iterable[object]) -> None:
        writer.writerow(values)
        out.seek(out.tell() - 2)
        out.write("\n")
        out.truncate()

    write(JSON_KEYS)
    for row in rows:
        record = row_record(row)
        write(
            neutralise_formula(v) if isinstance(v, str) else ("" if v is None else v)
            for v in record.values()
        )
    return out.getvalue()


def _signed(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:+.1f}"


def _week_change(row: LeaderboardRow) -> str:
    """The week's change, or for a stale row (see LeaderboardRow.weeks_old) how old it is: in
    Markdown, and in a narrow terminal's table, which have no as-of column."""
    return f"– ({row.age} old)" if row.stale else _signed(row.change)


def _as_of(row: LeaderboardRow) -> str:
    """The snapshot's date, with its age when it is older than the board's week."""
    return row.as_of.isoformat() + (f" ({row.age} old)" if row.stale else "")


SORT_LABELS: dict[str, str] = {
    "ssi": "SSI",
    **{p.key: p.short for p in PILLARS},
    "change": "Δ week",
    "name": "Name",
    "target": "% target",
    "improvement": "Δ 4 wk",
}
"""The column title each sort key marks: the figure a board is sorted by is always shown."""


def sort_marker(key: str, *, reverse: bool = False) -> str:
    """The arrow after the sorted column's title: ▼ descending (▲ for name, which ascends)."""
    ascending = (key == "name") != reverse
    return "▲" if ascending else "▼"


def _marked(
    header: list[str], sort: str, labels: dict[str, str] = SORT_LABELS, *, reverse: bool = False
) -> list[str]:
    """HEADER with the sort column's title (LABELS[SORT]) marked by its direction (`SSI ▼`)."""
    label, arrow = labels.get(sort), sort_marker(sort, reverse=reverse)
    return [f"{title} {arrow}" if title == label else title for title in header]


def _ssi_cell(row: LeaderboardRow) -> str:
    """The total, marked `est.` when estimated from activity rather than LinkedIn's own."""
    return f"{row.ssi:.0f}" + (" est." if row.source == "estimated" else "")


def _markdown_cell(text: str) -> str:
    """Escape what would break or style a Markdown table cell."""
    text = printable(text).replace("\\", "\\\\")
    for ch in "|*_`[]<>#~&":  # ~~x~~ strikes through; &amp; would show as &
        text = text.replace(ch, "\\" + ch)
    return text


def to_markdown(rows: Sequence[LeaderboardRow], sort: str = "ssi", *, reverse: bool = False) -> str:
    """A Markdown table for pasting into chat or a wiki; the SORT column is marked (REVERSE:
    the other way), and sorted by improvement it shows the 4-week change."""
    improvement = sort == "improvement"
    header = ["#", "Name", "Team", "SSI", *(p.short for p in PILLARS), "Δ week"]
    header += ["Δ 4 wk"] * improvement + ["% target"]
    marked = _marked(header, sort, reverse=reverse)
    lines = ["| " + " | ".join(marked) + " |", "|" + "---|" * len(header)]
    for r in rows:
        cells = [
            str(r.rank),
            _markdown_cell(r.name),
            _markdown_cell(r.team or ""),
            _ssi_cell(r),
            *(pillar_text(getattr(r, k)) for k in PILLAR_KEYS),
            _week_change(r),
            *[_signed(r.change_4w)] * improvement,
            f"{r.pct_of_target:.1f}",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def to_html(rows: Sequence[LeaderboardRow], title: str, sort: str = "ssi") -> str:
    """A self-contained HTML page with the board as a table (every value escaped); the SORT
    column is marked, and sorted by improvement it shows the 4-week change."""
    from html import escape

    improvement = sort == "improvement"
    header = ["#", "Name", "Team", "SSI", *(p.label for p in PILLARS), "Δ week"]
    labels = {**SORT_LABELS, **{p.key: p.label for p in PILLARS}, "target": "Target"}
    header = _marked([*header, *["Δ 4 wk"] * improvement, "Target", "As of"], sort, labels)
    body = []
    for r in rows:
        cells = [
            str(r.rank),
            escape(printable(r.name)),
            escape(printable(r.team or "")),
            _ssi_cell(r),
            *(escape(pillar_text(getattr(r, k))) for k in PILLAR_KEYS),
            escape(_signed(r.change)),
            *[escape(_signed(r.change_4w))] * improvement,
            f"{r.pct_of_target:.1f}% of {r.target:g}",
            escape(_as_of(r)),
        ]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>"
        "body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}"
        "table{border-collapse:collapse}th,td{padding:.3rem .7rem;border-bottom:1px solid #ddd}"
        "td:nth-child(n+4){text-align:right;font-variant-numeric:tabular-nums}"
        "th{text-align:left;background:#f3f3f3}</style></head><body>"
        f"<h1>{escape(title)}</h1><table><thead><tr>{head}</tr></thead><tbody>"
        + "\n".join(body)
        + "</tbody></table></body></html>\n"
    )


NAME_ROOM = 6
"""Characters a name and a team keep in a terminal's table before the As-of column gives way."""


def to_table(
    rows: Sequence[LeaderboardRow], title: str, sort: str = "ssi", width: int | None = None
) -> Any:
    """A Rich table; names go in as Text, so markup in them is shown, not interpreted. The SORT
    column is marked; sorted by improvement or % of target, that figure is a column; a stale
    row is dimmed, with its age. In a terminal WIDTH columns wide where names and teams would
    get fewer than NAME_ROOM characters, the As-of column is left out (numbers are never cut)
    and a stale row says its age in Δ week instead, as Markdown does."""
    from rich.console import Console

    if width is None:
        return _table(rows, title, sort, as_of=True)
    probe = _table(rows, title, sort, as_of=True, cut=NAME_ROOM)
    natural = Console(width=10_000).measure(probe).maximum
    return _table(rows, title, sort, as_of=natural <= width)


def _table(
    rows: Sequence[LeaderboardRow], title: str, sort: str, *, as_of: bool, cut: int | None = None
) -> Any:
    """The table of to_table, with or without AS_OF; CUT (to measure) shortens names and teams."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    figure = {"improvement": "Δ 4 wk", "target": "% target"}.get(sort)
    header = ["#", "Name", "Team", "SSI", *(p.short for p in PILLARS), "Δ week"]
    header = _marked([*header, *[figure] * bool(figure), *["As of"] * as_of], sort)
    # In a narrow terminal names and teams give way (wrapped, then cut), numbers do not; rules
    # only under the header, and two spaces between cells, leave names room at 80 columns.
    table = Table(
        title=Text(title),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
    for title_text in header:
        if title_text.startswith(("Name", "Team")):
            table.add_column(title_text, overflow="ellipsis")
        elif title_text.startswith("As of"):
            table.add_column(title_text, no_wrap=True)
        else:
            table.add_column(title_text, justify="right", no_wrap=True)
    for r in rows:
        figures = {"improvement": [_signed(r.change_4w)], "target": [f"{r.pct_of_target:.1f}"]}
        table.add_row(
            str(r.rank),
            Text(printable(r.name)[:cut]),
            Text(printable(r.team or "")[:cut]),
            _ssi_cell(r),
            *(_pillar_cell(getattr(r, k)) for k in PILLAR_KEYS),
            _signed(r.change) if as_of else _week_change(r),
            *figures.get(sort, []),
            *[_as_of(r)] * as_of,
            style="dim" if r.stale else None,
        )
    return table


def _pillar_cell(value: float | None) -> Any:
    """A table's pillar cell: the value, or a dim NOT_GIVEN for a snapshot of a total alone."""
    from rich.text import Text

    return f"{value:.2f}" if value is not None else Text(NOT_GIVEN, style="dim")
