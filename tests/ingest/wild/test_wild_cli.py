"""`ssi-tui import` on exports from the wild: options, feedback, refusals that change nothing."""

from __future__ import annotations

import json
import time
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner, Result
from wild_helpers import WILD, snapshots, write_xlsx

from ssi_tui.cli.main import cli
from ssi_tui.cli.progress import DelayedProgress


def run(*args: str | Path) -> Result:
    """`ssi-tui ARGS...` in-process; a traceback fails the test."""
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def dump(db: Path) -> dict[str, list[tuple]]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        names = [n for (n,) in conn.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names}
    finally:
        conn.close()


def test_date_format_option(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    refused = run("import", db, WILD / "dates_ambiguous.csv")
    assert refused.exit_code == 1 and "--date-format" in refused.stderr
    assert not db.exists()
    result = run("import", "--date-format", "%d/%m/%Y", db, WILD / "dates_ambiguous.csv")
    assert result.exit_code == 0, result.output
    assert [row[1] for row in snapshots(db)] == ["2026-01-05", "2026-01-06"]


@pytest.mark.parametrize("pattern", ["dd/mm/yyyy", "%Y-%m", "%d/%m"])
def test_a_date_format_without_day_month_and_year_is_a_usage_error(
    tmp_path: Path, pattern: str
) -> None:
    result = run("import", "--date-format", pattern, tmp_path / "db.duckdb", WILD / "long.csv")
    assert result.exit_code == 2 and "--date-format" in result.stderr


def test_date_option(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    refused = run("import", db, WILD / "no_date.csv")
    assert refused.exit_code == 1 and "--date YYYY-MM-DD" in refused.stderr
    result = run("import", "--date", "2026-05-20", db, WILD / "no_date.csv")
    assert result.exit_code == 0, result.output
    assert "no date column; dated 2026-05-20 from --date" in result.stderr
    assert [row[1] for row in snapshots(db)] == ["2026-05-20"]
    assert run("import", "--date", "20/05/2026", db, WILD / "no_date.csv").exit_code == 2


def test_sheet_option_and_a_bad_sheet_name(tmp_path: Path) -> None:
    header = ["date", "name", "brand", "people", "insights", "relationships"]
    book = write_xlsx(
        tmp_path / "team.xlsx",
        {
            "Summary": [["nothing to import here"]],
            "Data": [header, ["2026-05-19", "Ana Lima", 10, 10, 10, 10]],
        },
    )
    db = tmp_path / "db.duckdb"
    bad = run("import", "--sheet", "Q3", db, book)
    assert bad.exit_code == 1
    assert f"{book}: no sheet named 'Q3'; the workbook's sheets are 'Summary', 'Data'" in bad.stderr
    assert not db.exists()
    ok = run("import", "--sheet", "Data", db, book)
    assert ok.exit_code == 0, ok.output
    assert f"{book}: 1 new" in ok.stdout


def test_a_csv_renamed_xlsx_exits_1_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    result = run("import", db, WILD / "csv_renamed.xlsx")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == [
        f"{WILD / 'csv_renamed.xlsx'}: not an Excel workbook: it holds text (a CSV export?);"
        " name it .csv to import it"
    ]


def test_json_summary_has_files_counts_and_problems(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    result = run(
        "import", "--json", "--skip-invalid", db,
        WILD / "api.json", WILD / "dates_ambiguous.csv", WILD / "csv_renamed.xlsx",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["ok"] is True
    assert (summary["added"], summary["updated"], summary["unchanged"]) == (2, 0, 0)
    assert summary["rejected"] == 2  # the two ambiguous dates
    files = {Path(f["path"]).name: f for f in summary["files"]}
    assert {k: files["api.json"][k] for k in ("status", "rows_read", "added", "rejected")} == {
        "status": "imported",
        "rows_read": 2,
        "added": 2,
        "rejected": 0,
    }
    assert files["csv_renamed.xlsx"]["status"] == "rejected"
    assert files["dates_ambiguous.csv"]["rejected"] == 2
    assert len(summary["problems"]) == 3
    assert any("not an Excel workbook" in p for p in summary["problems"])


def test_json_summary_of_a_refused_import(tmp_path: Path) -> None:
    result = run("import", "--json", tmp_path / "db.duckdb", WILD / "long_unknown_metric.csv")
    assert result.exit_code == 1
    refused = json.loads(result.stdout)
    assert refused["ok"] is False
    assert refused["problems"] == [
        f"{WILD / 'long_unknown_metric.csv'}:4: column 'field': unknown metric 'CHARISMA'"
        " (expected one of ssi, brand, people, insights, relationships, industry_rank,"
        " network_rank, industry_avg, network_avg or one of their usual names)"
    ]


def test_quiet_prints_nothing_not_even_notes(tmp_path: Path) -> None:
    result = run("import", "-q", tmp_path / "db.duckdb", WILD / "ssi_2026-05-19.csv")
    assert result.exit_code == 0 and result.output == ""


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    result = run("import", tmp_path / "db.duckdb", WILD / "records.ndjson", WILD / "long.csv")
    assert result.exit_code == 0 and result.stderr == ""


def test_a_refused_wild_import_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    assert run("import", db, WILD / "api.json").exit_code == 0
    before, raw = dump(db), db.read_bytes()
    result = run(
        "import", db, WILD / "records.jsonl", WILD / "semicolon.csv", WILD / "dates_ambiguous.csv"
    )
    assert result.exit_code == 1
    assert f"{WILD / 'dates_ambiguous.csv'}:2: column 'date'" in result.stderr
    assert dump(db) == before and db.read_bytes() == raw


def test_delayed_progress_never_shows_for_a_quick_import() -> None:
    with DelayedProgress(delay=5) as progress:
        progress("Reading a.csv", 0, 2)
        progress("Writing", 2, 2)
    progress._timer.join(timeout=5)
    assert progress._bar is None  # cancelled: no bar was ever drawn


def test_delayed_progress_shows_after_the_delay_and_follows_updates() -> None:
    with DelayedProgress(delay=0.01) as progress:
        progress("Reading a.csv", 0, 2)
        deadline = time.monotonic() + 5
        while progress._bar is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert progress._bar is not None
        progress("Reading b.csv", 1, 2)
        task = progress._bar.tasks[0]
        assert (task.description, task.completed, task.total) == ("Reading b.csv", 1, 2)
    assert progress._bar is None  # stopped and gone
