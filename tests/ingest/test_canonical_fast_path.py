"""The import's fast path (CSV in our own columns, read by DuckDB) is the Polars path, faster.

* Our own export imports without Polars ever being loaded (a fresh process says so).
* A file with a problem still gets the Polars path's report, line and column, and a new
  database does not appear (nor any half-built file beside it).
* Differential: for generated files in our columns, cells clean and dirty alike (spaces,
  signs, NaN, odd dates, upper-case ids, profile URLs, blank names, duplicates, CRLF, quoted
  commas and newlines), importing with the fast path allowed and with it switched off gives
  the same outcome: the same report and the same rows in every table, or the same problems.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from unittest import mock

import duckdb
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ssi_tui.errors import InvalidExportError, SsiError
from ssi_tui.importing import import_fast
from ssi_tui.importing.importer import run_import
from ssi_tui.importing.options import ImportOptions
from tests.sharding import in_shards

ROOT = Path(__file__).resolve().parents[2]
FULL_HEADER = (
    "date,rep_id,name,team,ssi,brand,people,insights,relationships,"
    "industry_rank,network_rank,industry_avg,network_avg"
)
ROW = "2026-05-19,ana@acme.example,Ana Alves,North,50,12.5,12.5,12.5,12.5,10,20,40,45"
EXAMPLES = int(os.environ.get("SSI_TUI_HYPOTHESIS_EXAMPLES", "40"))


def _write(path: Path, *lines: str, newline: str = "\n") -> Path:
    path.write_bytes((newline.join(lines) + newline).encode("utf-8"))
    return path


def test_our_own_export_imports_without_loading_polars(tmp_path: Path) -> None:
    nine_columns = _write(
        tmp_path / "nine.csv",
        "date,rep_id,name,team,ssi,brand,people,insights,relationships",
        "2026-05-26,bo@acme.example,Bo Berg,,40,10,10,10,10",
    )
    db = tmp_path / "team.duckdb"
    script = (
        "import sys; from ssi_tui.importing.importer import run_import;"
        f" r = run_import({str(db)!r}, [{str(ROOT / 'sample_data')!r}, {str(nine_columns)!r}]);"
        " print(r.total('added'), 'polars' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    added, polars_loaded = done.stdout.split()
    assert polars_loaded == "False"
    conn = duckdb.connect(str(db), read_only=True)
    try:
        stored = conn.execute("SELECT count(*) FROM snapshots").fetchall()[0][0]
        bo = conn.execute("SELECT name, team FROM reps WHERE rep_id = 'bo@acme.example'").fetchall()
    finally:
        conn.close()
    assert int(added) == stored > 1
    assert bo == [("Bo Berg", None)]


def test_a_problem_in_our_own_columns_is_reported_with_its_line_and_nothing_appears(
    tmp_path: Path,
) -> None:
    export = _write(tmp_path / "team.csv", FULL_HEADER, ROW, ROW.replace(",50,", ",5O,"))
    db = tmp_path / "team.duckdb"
    with pytest.raises(InvalidExportError) as caught:
        run_import(db, [export])
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (3, "ssi")
    assert "expected a number from 0 to 100, got '5O'" in str(problem)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.csv"]


def test_a_dry_run_on_the_fast_path_counts_without_creating_the_file(tmp_path: Path) -> None:
    export = _write(tmp_path / "team.csv", FULL_HEADER, ROW)
    report = run_import(tmp_path / "team.duckdb", [export], ImportOptions(dry_run=True))
    assert (report.total("added"), report.files[0].status) == (1, "would import")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.csv"]


# -- differential: fast path allowed vs switched off --------------------------------------------

CLEAN = {
    "date": ["2026-05-19", "2026-05-26", "2025-12-29", "1999-12-31"],
    "rep_id": ["ana@acme.example", "bo@acme.example", "cy-3@acme.example"],
    "name": ["Ana Alves", "Bo Berg", '"Alves, Ana"', '"Ana ""A"" Alves"', "[b]Ana[/b]", "Zoë Øst"],
    "team": ["North", "", '"North, East"', "Ñorth"],
    "number": ["12.5", "0", "25", "7", "12.50", "3.125", "24.999"],
    "rank": ["", "10", "100", "0.5"],
    "average": ["40", "", "0", "99.9"],
}
"""Cells the Polars path takes as written: files of these alone take the fast path."""

DIRTY = {
    "date": ["2026-5-2", "26-05-19", "0000-01-01", "2026-02-30", " 2026-05-19", "2026-05-19T00:00",
             "2026/05/19", "", '"2026-05-19"', "0999-01-01", "2026-05-19\u00a0"],
    "rep_id": ["Ana@Acme.example", " ana@acme.example", "", "https://www.linkedin.com/in/ana-a/",
               "änä@acme.example", "ana@acme.example\t", "a b@acme.example"],
    "name": [" Ana", "Ana ", "", '"Ana\nAlves"', "Zoë\u00a0", "\tBo", "Ana\u2003", "\u200bAna",
             '"  "', "Z\x00ed"],
    "team": [" North", "South ", '" "', "\u3000"],
    "number": [" 12.5", "12.5 ", "+12.5", ".5", "5.", "1e1", "-0", "", "nan", "inf", "-1",
               "25.0001", "0x10", "1_0", '"12.5"', '"12,5"', "1,5"],
    "rank": ["0", "100.5", "nan", " 3", '"4"', "-5"],
    "average": ["101", "-1", "nan"],
}  # fmt: skip
"""Cells the Polars path mends, reads differently, or refuses: the fast path must step aside."""

KINDS = (
    "date",
    "rep_id",
    "name",
    "team",
    "total",
    *(["number"] * 4),
    "rank",
    "rank",
    "average",
    "average",
)


@st.composite
def exports(draw: st.DrawFn) -> bytes:
    """A CSV in our columns (all thirteen, or the first nine): clean, or with a few dirty cells."""
    full = draw(st.booleans())
    kinds = KINDS if full else KINDS[:9]
    lines = [FULL_HEADER if full else ",".join(FULL_HEADER.split(",")[:9])]
    dirty_cells = draw(st.sampled_from([0, 0, 1, 1, 2]))
    keys = st.tuples(st.sampled_from(CLEAN["date"]), st.sampled_from(CLEAN["rep_id"]))
    rows = []
    for date, rep_id in draw(st.lists(keys, min_size=1, max_size=5, unique=True)):
        cells = [date, rep_id]
        for kind in kinds[2:]:
            cells.append(draw(st.sampled_from(CLEAN["number" if kind == "total" else kind])))
        # A total that matches its pillars (within LinkedIn's rounding), now and then not.
        total = sum(float(c) for c in cells[5:9])
        cells[4] = draw(st.sampled_from([f"{total:g}", f"{total:g}", f"{round(total)}", "99"]))
        rows.append(cells)
    for _ in range(dirty_cells):
        row = draw(st.sampled_from(rows))
        column = draw(st.integers(0, len(kinds) - 1))
        kind = "number" if kinds[column] == "total" else kinds[column]
        row[column] = draw(st.sampled_from(DIRTY[kind]))
    lines += [",".join(cells) for cells in rows]
    if draw(st.integers(0, 3)) == 0:
        lines.append(draw(st.sampled_from(lines[1:])))  # a repeated row
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    text = newline.join(lines) + draw(st.sampled_from([newline, ""]))
    return text.encode("utf-8")


def _outcome(db: Path, export: Path) -> object:
    """What importing EXPORT into a new DB does: its report and tables, or its problems."""
    try:
        report = run_import(db, [export])
    except SsiError as error:
        return type(error).__name__, [str(p) for p in getattr(error, "problems", [])]
    summary = report.as_dict()
    del summary["database"]
    # The fast path knows no line numbers: its warnings name the file alone.
    summary["warnings"] = [re.sub(r":\d+: column", ": column", w) for w in summary["warnings"]]
    conn = duckdb.connect(str(db), read_only=True)
    try:
        tables = {
            name: sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
            for name in ("snapshots", "reps", "best_points", "board_dates")
        }
    finally:
        conn.close()
    return summary, tables


@pytest.mark.slow
@in_shards(
    settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
)
@given(content=exports())
def test_the_fast_path_imports_exactly_what_the_polars_path_imports(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "team.csv"
        export.write_bytes(content)
        answers: list[object] = []

        def spy(*args: object, **kwargs: object) -> object:
            answers.append(real_try_import(*args, **kwargs))
            return answers[-1]

        real_try_import = import_fast.try_import
        with mock.patch.object(import_fast, "try_import", spy):
            fast = _outcome(Path(folder) / "fast.duckdb", export)
        event("fast path taken" if answers and answers[0] is not None else "fast path declined")
        with mock.patch.object(import_fast, "try_import", return_value=None):
            slow = _outcome(Path(folder) / "slow.duckdb", export)
    assert fast == slow


def test_a_new_database_left_half_built_by_a_crash_is_discarded_by_the_next_import(
    tmp_path: Path,
) -> None:
    export = _write(tmp_path / "team.csv", FULL_HEADER, ROW)
    run_import(tmp_path / ".team.duckdb.building", [export])  # as a crash before the move
    report = run_import(tmp_path / "team.duckdb", [export])
    assert report.total("added") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.csv", "team.duckdb"]
