"""Property-based tests (hypothesis) of header matching, value parsing and the whole import.

* Any alias of a column, in any case and with any spacing or punctuation, matches that column.
* Numbers written the ways the README promises (spaces, decimal comma, `N out of D`, `Top N%`)
  read as exactly the number.
* A valid export written in any supported dialect -- delimiter `,` `;` tab `|`, decimal comma
  where the delimiter allows it, minimal or full quoting, LF or CRLF, UTF-8 with or without
  BOM, UTF-16 with a BOM, Windows-1252, aliases in any case and order -- imports to exactly
  the generated values.
* Garbage of every kind (bytes, CSV-ish token soup, arbitrary JSON, odd workbooks) makes
  `run_import` either succeed or raise the project's own SsiError; and what it imports can
  be viewed.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import math
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ssi_tui.errors import SsiError
from ssi_tui.importing.importer import run_import
from ssi_tui.importing.paths import SUPPORTED_SUFFIXES
from ssi_tui.ingest.columns import LINE
from ssi_tui.ingest.headers import ALIASES, canonical_name
from ssi_tui.ingest.validate import validate
from ssi_tui.model.board import load_board
from tests.hostile.support import write_xlsx
from tests.sharding import in_shards

EXAMPLES = int(os.environ.get("SSI_TUI_HYPOTHESIS_EXAMPLES", "40"))
"""Modest by default (CI budget); raise it for a long local hunt."""
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # nothing written into the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FAST = settings(SETTINGS, max_examples=max(100, EXAMPLES))
"""For pure functions, which cost microseconds per example."""

PILLARS = ("brand", "people", "insights", "relationships")


# -- header matching ------------------------------------------------------------------------------

separators = st.sampled_from([" ", "_", "-", ".", "  ", "", "/", " - "])


@st.composite
def header_variant(draw: st.DrawFn, alias: str) -> str:
    """ALIAS as someone else might write it: any case, any separators, stray punctuation."""
    words = [w for w in re.split(r"[\s_\-]+", alias) if w]
    cased = []
    for word in words:
        style = draw(st.sampled_from(["lower", "upper", "title", "same", "swap"]))
        cased.append(
            {
                "lower": word.lower(),
                "upper": word.upper(),
                "title": word.title(),
                "same": word,
                "swap": word.swapcase(),
            }[style]
        )
    text = cased[0]
    for word in cased[1:]:
        text += draw(separators) + word
    before = draw(st.sampled_from(["", " ", "  ", "*", "("]))
    after = draw(st.sampled_from(["", " ", ":", ")", " *", "?"]))
    return before + text + after


aliases = st.sampled_from([(c, a) for c, names in ALIASES.items() for a in names])


@FAST
@given(data=st.data(), pair=aliases)
def test_any_spelling_of_an_alias_matches_its_column(data: st.DataObject, pair: tuple) -> None:
    canonical, alias = pair
    header = data.draw(header_variant(alias))
    assert canonical_name(header) == canonical


@FAST
@given(text=st.text(max_size=40))
def test_header_matching_never_fails_and_only_knows_aliases(text: str) -> None:
    found = canonical_name(text)
    assert found is None or found in ALIASES


# -- value parsing --------------------------------------------------------------------------------


def decimal_text(cents: int, *, comma: bool, trim: bool) -> str:
    text = f"{cents // 100}.{cents % 100:02d}"
    if trim:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if comma else text


pads = st.sampled_from(["", " ", "  ", "\t", "\u00a0"])


@dataclass(frozen=True)
class Form:
    column: str
    text: str
    value: float


@st.composite
def number_forms(draw: st.DrawFn, *, decimal_comma: bool) -> Form:
    """One cell of a value column in one of the README's forms, and the number it means."""
    column = draw(st.sampled_from([*PILLARS, "ssi", "industry_rank", "network_avg"]))
    top = 25 if column in PILLARS else 100
    cents = draw(st.integers(1 if column == "industry_rank" else 0, top * 100))
    comma = decimal_comma and draw(st.booleans())
    text = decimal_text(cents, comma=comma, trim=draw(st.booleans()))
    if column == "industry_rank":
        text = draw(st.sampled_from(["{}", "{}%", "Top {}%", "top {} %", "TOP {}%"])).format(text)
    elif draw(st.booleans()):
        word = draw(st.sampled_from(["out of", "of", "de", "/", " / ", "OUT OF"]))
        text = f"{text} {word} {top}".replace("  ", " ")
    return Form(column, draw(pads) + text + draw(pads), cents / 100)


@SETTINGS
@given(data=st.data(), decimal_comma=st.booleans(), count=st.integers(1, 6))
def test_value_forms_read_as_their_number(
    data: st.DataObject, decimal_comma: bool, count: int
) -> None:
    forms = [data.draw(number_forms(decimal_comma=decimal_comma)) for _ in range(count)]
    rows = []
    for i, form in enumerate(forms):
        row = {
            "date": "2026-06-01",
            "rep_id": f"r{i}@x.example",
            "name": f"Rep {i}",
            **dict.fromkeys(PILLARS, "1"),
            "ssi": None,
            "industry_rank": None,
            "network_avg": None,
        }
        row[form.column] = form.text
        if form.column in PILLARS:
            row["ssi"] = None  # the sum then follows the pillars
        rows.append(row)
    frame = pl.DataFrame(rows, schema=dict.fromkeys(rows[0], pl.String)).with_row_index(
        LINE, offset=2
    )
    frame = frame.with_columns(pl.col(LINE).cast(pl.Int64))
    result = validate(frame, "values.csv", decimal_comma=decimal_comma)
    # A total may be off the pillar sum (4) by more than 1: that is the only allowed problem.
    off_sum = {
        p.line for p in result.problems if p.column == "ssi" and "differs from the sum" in p.message
    }
    assert all(p.line in off_sum for p in result.problems), result.problems
    got = {r[LINE]: r for r in result.rows.iter_rows(named=True)}
    for line, form in enumerate(forms, start=2):
        if line in off_sum:
            continue
        assert got[line][form.column] == form.value, (form, got[line])


# -- whole exports in every dialect ---------------------------------------------------------------

name_text = st.text(
    alphabet=st.sampled_from(
        list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ")
        + list("éüßøñçÉÜ'\"-.,;|&()[]/")
        + ["Ł", "ż", "中", "文", "α", "Ω", "😀"]
    ),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() != "")


@dataclass(frozen=True)
class Snapshot:
    rep_id: str
    name: str
    team: str | None
    date: str
    pillars: tuple[int, int, int, int]
    """Cents."""
    total: str
    """'blank', 'exact' or 'rounded'."""

    def expected(self) -> tuple:
        values = tuple(c / 100 for c in self.pillars)
        return (self.rep_id, self.date, *values)

    def expected_total(self) -> float:
        exact = sum(c / 100 for c in self.pillars)
        return float(round(exact)) if self.total == "rounded" else exact


@dataclass(frozen=True)
class Dialect:
    delimiter: str
    decimal_comma: bool
    quoting: int
    newline: str
    encoding: str
    trailing_newline: bool
    padded: bool


@st.composite
def dialects(draw: st.DrawFn) -> Dialect:
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    return Dialect(
        delimiter=delimiter,
        decimal_comma=delimiter != "," and draw(st.booleans()),
        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC])),
        newline=draw(st.sampled_from(["\n", "\r\n"])),
        encoding=draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "cp1252"])),
        trailing_newline=draw(st.booleans()),
        padded=draw(st.booleans()),
    )


@st.composite
def exports(draw: st.DrawFn) -> tuple[list[Snapshot], list[str]]:
    """Snapshots of 1-6 reps over 1-3 dates, and the columns the export has."""
    reps = draw(st.integers(1, 6))
    names = [draw(name_text) for _ in range(reps)]
    teams = [draw(st.none() | name_text) for _ in range(reps)]
    dates = draw(
        st.lists(
            st.sampled_from(["2026-05-04", "2026-05-11", "2026-05-18"]),
            min_size=1,
            max_size=3,
            unique=True,
        )
    )
    snapshots = [
        Snapshot(
            rep_id=f"rep{i}@acme.example",
            name=names[i],
            team=teams[i],
            date=date,
            pillars=tuple(draw(st.integers(0, 2500)) for _ in range(4)),  # type: ignore[arg-type]
            total=draw(st.sampled_from(["blank", "exact", "rounded"])),
        )
        for i in range(reps)
        for date in dates
    ]
    columns = ["date", "rep_id", "name", *PILLARS, "ssi"]
    if draw(st.booleans()):
        columns.append("team")
    return snapshots, draw(st.permutations(columns))


def render(
    snapshots: list[Snapshot], columns: list[str], headers: dict[str, str], d: Dialect
) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=d.delimiter, quoting=d.quoting, lineterminator=d.newline)
    writer.writerow([headers[c] for c in columns])
    pad = " " if d.padded else ""
    for s in snapshots:
        cells = {
            "date": s.date,
            "rep_id": s.rep_id,
            "name": s.name,
            "team": s.team or "",
        }
        for key, cents in zip(PILLARS, s.pillars, strict=True):
            cells[key] = pad + decimal_text(cents, comma=d.decimal_comma, trim=False) + pad
        if s.total == "blank":
            cells["ssi"] = ""
        else:
            cells["ssi"] = f"{s.expected_total():.2f}"
            if d.decimal_comma:
                cells["ssi"] = cells["ssi"].replace(".", ",")
        writer.writerow([cells[c] for c in columns])
    text = out.getvalue()
    if not d.trailing_newline:
        text = text.removesuffix(d.newline)
    if d.encoding == "utf-16-be-bom":
        return "\ufeff".encode("utf-16-be") + text.encode("utf-16-be")
    return text.encode(d.encoding)


def stored(db: Path) -> tuple[list[tuple], dict[str, tuple[str, str | None]], dict]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        rows = conn.execute(
            "SELECT rep_id, snapshot_date::VARCHAR, brand, people, insights, relationships"
            " FROM snapshots ORDER BY ALL"
        ).fetchall()
        totals = {
            (r, d): t
            for r, d, t in conn.execute(
                "SELECT rep_id, snapshot_date::VARCHAR, ssi FROM snapshots"
            ).fetchall()
        }
        reps = {
            r: (n, t) for r, n, t in conn.execute("SELECT rep_id, name, team FROM reps").fetchall()
        }
        return rows, reps, totals
    finally:
        conn.close()


def _tidy(name: str) -> str:
    """A name as the store keeps it: each run of Unicode spaces one space (import_macros.sql)."""
    spaced = "".join(" " if unicodedata.category(c).startswith("Z") else c for c in name)
    return re.sub(" +", " ", spaced).strip(" ")


@pytest.mark.slow
@in_shards(SETTINGS)
@given(data=st.data(), export=exports(), dialect=dialects())
def test_valid_exports_in_every_dialect_import_exactly(
    data: st.DataObject, export: tuple[list[Snapshot], list[str]], dialect: Dialect
) -> None:
    snapshots, columns = export
    headers = {
        c: data.draw(header_variant(data.draw(st.sampled_from(ALIASES[c])))) for c in columns
    }
    assume(len({canonical_name(h) for h in headers.values()}) == len(headers))
    try:
        content = render(snapshots, columns, headers, dialect)
    except UnicodeEncodeError:
        assume(False)  # a name Windows-1252 cannot write
        raise
    if dialect.encoding == "cp1252":
        # Bytes that happen to be valid UTF-8 are read as UTF-8, as the README says.
        with contextlib.suppress(UnicodeDecodeError):
            assume(content.decode("utf-8") == content.decode("cp1252"))
    with tempfile.TemporaryDirectory() as folder:
        export_path = Path(folder) / "export.csv"
        export_path.write_bytes(content)
        db = Path(folder) / "team.duckdb"
        report = run_import(db, [export_path])
        assert report.total("added") == len(snapshots)
        rows, reps, totals = stored(db)
    assert rows == sorted(s.expected() for s in snapshots)
    for s in snapshots:
        assert math.isclose(totals[(s.rep_id, s.date)], s.expected_total(), abs_tol=1e-9)
        name, team = reps[s.rep_id]
        assert name == _tidy(s.name.strip())
        assert team == ((s.team or "").strip() or None if "team" in columns else None)


# -- garbage --------------------------------------------------------------------------------------

TOKENS = [
    "",
    " ",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "-1",
    "0",
    "10",
    "25",
    "26",
    "100",
    "101",
    "1e309",
    "10,5",
    "10.5",
    "2026-05-04",
    "2026-02-30",
    "0000-01-01",
    "9999-12-31",
    "01/02/2026",
    "13/01/2026",
    "01/13/2026",
    "19.05.2026",
    "2026-05-04T08:00:00Z",
    "Top 9%",
    "53 out of 100",
    "N/A",
    "-",
    '"',
    '""',
    '"a,b"',
    "a\nb",
    "\r",
    "=1+1",
    "@SUM(A1)",
    "[bold]x[/]",
    "\x1b[2J",
    "é",
    "中",
    "\x00",
    "\ufeff",
    "PROFESSIONAL_BRAND",
    "brand",
    "value",
    "metric",
]
header_words = st.sampled_from(
    [a for names in ALIASES.values() for a in names] + ["metric", "value", "rep", "x", ""]
)


@st.composite
def token_soup(draw: st.DrawFn) -> tuple[str, bytes]:
    """A delimited file made of plausible and implausible pieces."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    width = draw(st.integers(1, 12))
    header = draw(st.lists(header_words, min_size=width, max_size=width))
    lines = [delimiter.join(header)]
    for _ in range(draw(st.integers(0, 8))):
        cells = draw(st.lists(st.sampled_from(TOKENS), min_size=0, max_size=width + 2))
        lines.append(delimiter.join(cells))
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "cp1252"]))
    suffix = draw(st.sampled_from([".csv", ".tsv", ".txt"]))
    return suffix, text.encode(encoding, errors="replace")


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=10)
    | st.sampled_from(TOKENS),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            header_words
            | st.sampled_from(
                [
                    "memberScore",
                    "subScores",
                    "pillar",
                    "score",
                    "overall",
                    "groupScore",
                    "groupType",
                    "rank",
                    "elements",
                ]
            ),
            inner,
            max_size=6,
        )
    ),
    max_leaves=25,
)


@st.composite
def json_garbage(draw: st.DrawFn) -> tuple[str, bytes]:
    value = draw(json_values)
    if draw(st.booleans()):
        return ".jsonl", "\n".join(
            json.dumps(v) for v in (value if isinstance(value, list) else [value])
        ).encode()
    return ".json", json.dumps(value).encode()


@st.composite
def workbook_garbage(draw: st.DrawFn) -> tuple[str, list]:
    width = draw(st.integers(1, 10))
    header = draw(st.lists(header_words, min_size=width, max_size=width))
    cell = (
        st.sampled_from(TOKENS).filter(lambda t: "\x00" not in t and "\x1b" not in t)
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.integers(-10, 200)
        | st.none()
    )
    rows = draw(st.lists(st.lists(cell, max_size=width + 1), max_size=6))
    return ".xlsx", [header, *rows]


raw_bytes = st.tuples(st.sampled_from(SUPPORTED_SUFFIXES), st.binary(max_size=600))


def import_or_refuse(suffix: str, content: bytes | list) -> None:
    """run_import raises nothing but SsiError; a database it writes can be viewed."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"garbage{suffix}"
        if isinstance(content, list):
            write_xlsx(path, content)
        else:
            path.write_bytes(content)
        db = Path(folder) / "team.duckdb"
        try:
            run_import(db, [path])
        except SsiError:
            assert not db.exists()
            return
        load_board(db, with_trends=True)


@SETTINGS
@given(garbage=raw_bytes)
def test_random_bytes_raise_only_ssi_errors(garbage: tuple[str, bytes]) -> None:
    import_or_refuse(*garbage)


@SETTINGS
@given(garbage=token_soup())
def test_token_soup_raises_only_ssi_errors(garbage: tuple[str, bytes]) -> None:
    import_or_refuse(*garbage)


@SETTINGS
@given(garbage=json_garbage())
def test_arbitrary_json_raises_only_ssi_errors(garbage: tuple[str, bytes]) -> None:
    import_or_refuse(*garbage)


@settings(SETTINGS, max_examples=max(1, EXAMPLES // 2))
@given(garbage=workbook_garbage())
def test_odd_workbooks_raise_only_ssi_errors(garbage: tuple[str, list]) -> None:
    import_or_refuse(*garbage)
