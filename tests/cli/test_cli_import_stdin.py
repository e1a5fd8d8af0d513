"""`ssi-tui import DB -`: an export piped in, in any format the importer reads, named
`(stdin)` in the log and in every message."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ssi_tui.cli.main import cli
from tests.db_helpers import query
from tests.ingest.wild.wild_helpers import write_xlsx

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
WILD = FIXTURES / "wild"

Pipe = Callable[..., Result]


@pytest.fixture
def pipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Pipe:
    """Run `ssi-tui ARGS...` with INPUT (bytes) on standard input; a traceback fails the test."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))

    def run(*args: str | Path, input: bytes) -> Result:
        result = CliRunner().invoke(cli, [str(a) for a in args], input=input)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"uncaught {result.exception!r}\n{result.output}"
        )
        return result

    return run


def _snapshots(db: Path) -> list[tuple]:
    return query(
        db,
        "SELECT rep_id, snapshot_date, ssi, brand, people, insights, relationships"
        " FROM snapshots ORDER BY ALL",
    )


def test_a_csv_piped_in_imports_as_the_file_would(pipe: Pipe, invoke, tmp_path: Path) -> None:
    piped, named = tmp_path / "piped.duckdb", tmp_path / "named.duckdb"
    result = pipe("import", piped, "-", input=(FIXTURES / "history.csv").read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "(stdin): 12 new, 0 corrected, 0 unchanged (6 reps, 2026-01-05 to 2026-01-19)",
        f"Imported into {piped}: 12 new, 0 corrected, 0 unchanged.",
    ]
    assert invoke("import", named, FIXTURES / "history.csv").exit_code == 0
    assert _snapshots(piped) == _snapshots(named)
    assert query(piped, "SELECT file_name FROM imports") == [("(stdin)",)]


def _workbook(folder: Path) -> Path:
    header = ["Date", "Name", "Brand", "People", "Insights", "Relationships", "SSI"]
    rows = [
        ["2026-05-19", "Ann Lee", 12.5, 11, 10.25, 14, 47.75],
        ["2026-05-19", "Bo Chen", 20, 20, 20, 20, 80],
    ]
    return write_xlsx(folder / "team.xlsx", {"Team": [header, *rows]})


@pytest.mark.parametrize("file", ["flat.json", "api.json", "records.jsonl", "team.xlsx"])
def test_json_json_lines_and_excel_are_told_apart_by_content(
    pipe: Pipe, invoke, tmp_path: Path, file: str
) -> None:
    path = _workbook(tmp_path) if file.endswith(".xlsx") else WILD / file
    piped, named = tmp_path / "piped.duckdb", tmp_path / "named.duckdb"
    result = pipe("import", piped, "-", input=path.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("(stdin): ")
    assert invoke("import", named, path).exit_code == 0
    assert _snapshots(piped) == _snapshots(named) != []


def test_standard_input_alongside_files(pipe: Pipe, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    week4 = FIXTURES / "week4.csv"
    result = pipe("import", db, week4, "-", input=(FIXTURES / "history.csv").read_bytes())
    assert result.exit_code == 0, result.output
    assert f"{week4}: 2 new" in result.stdout
    assert "(stdin): 12 new" in result.stdout
    assert sorted(query(db, "SELECT file_name FROM imports")) == [("(stdin)",), ("week4.csv",)]


def test_the_same_input_piped_again_is_already_imported(pipe: Pipe, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    data = (FIXTURES / "history.csv").read_bytes()
    assert pipe("import", db, "-", input=data).exit_code == 0
    result = pipe("import", db, "-", input=data)
    assert result.exit_code == 0, result.output
    assert "(stdin): already imported, skipped" in result.stdout


def test_problems_name_stdin_and_nothing_is_written(pipe: Pipe, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    data = b"date,name,brand,people,insights,relationships\n2026-01-05,Ann Lee,31,10,10,10\n"
    result = pipe("import", db, "-", input=data)
    assert result.exit_code == 1
    assert "(stdin):2: column 'brand': " in result.stderr
    assert "ssi-tui-stdin-" not in result.output  # the temporary file is never shown
    assert not db.exists()


def test_json_summary_names_stdin(pipe: Pipe, tmp_path: Path) -> None:
    result = pipe(
        "import", tmp_path / "t.duckdb", "-", "--json", input=(WILD / "flat.json").read_bytes()
    )
    assert result.exit_code == 0, result.output
    assert '"path": "(stdin)"' in result.stdout


@pytest.mark.parametrize("data", [b"", b"\n  \r\n"])
def test_empty_standard_input_is_a_clear_error(pipe: Pipe, tmp_path: Path, data: bytes) -> None:
    db = tmp_path / "team.duckdb"
    result = pipe("import", db, "-", input=data)
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: (stdin): standard input is empty; expected an export (CSV, JSON or Excel),"
        " e.g. `ssi-tui import team.duckdb - < export.csv`.\n"
    )
    assert not db.exists()


def test_a_terminal_on_standard_input_is_not_waited_on(tmp_path: Path) -> None:
    """`ssi-tui import DB -` typed with nothing piped in says so rather than hanging."""
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "ssi_tui", "import", str(tmp_path / "t.duckdb"), "-"],
            stdin=follower,
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
        )
    finally:
        os.close(leader)
        os.close(follower)
    assert done.returncode == 1
    assert "(stdin): nothing is piped in" in done.stderr
    assert not (tmp_path / "t.duckdb").exists()


def test_a_file_without_a_suffix_is_read_by_its_content(invoke, tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.write_bytes((WILD / "flat.json").read_bytes())
    result = invoke("import", tmp_path / "t.duckdb", export)
    assert result.exit_code == 0, result.output
    assert f"{export}: 2 new" in result.stdout
