"""`ssi-tui paste DB --rep NAME [--date D] [FILE]`: a copied SSI page stored as a snapshot."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ssi_tui.cli.main import cli
from ssi_tui.resources import sample_data_dir
from tests.db_helpers import dump_tables, query

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "ssi_page"
SAMPLE = sample_data_dir() / "ssi_page.paste"
SAMPLE_READ = (
    "Read: total 58, brand 14.82, people 12.5, insights 15.1, relationships 15.58,"
    " industry Top 18%, industry average 41, network Top 22%, network average 33."
)

Run = Callable[..., Result]


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """`ssi-tui ARGS...` in-process, with INPUT on standard input; a traceback fails the test."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    def invoke(*args: str | Path, input: str | bytes | None = None) -> Result:
        result = CliRunner().invoke(cli, [str(a) for a in args], input=input)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"uncaught {result.exception!r}\n{result.output}"
        )
        return result

    return invoke


def _stored(db: Path, rep_id: str, date: str) -> tuple:
    rows = query(
        db,
        "SELECT ssi, brand, people, insights, relationships, industry_rank, network_rank,"
        f" industry_avg, network_avg FROM snapshots WHERE rep_id = '{rep_id}'"
        f" AND snapshot_date = DATE '{date}'",
    )
    assert len(rows) == 1, rows
    return rows[0]


def _board(run: Run, db: Path) -> dict[str, dict]:
    result = run("leaderboard", db, "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["name"]: row for row in json.loads(result.stdout)}


def test_a_page_file_is_stored_as_the_reps_snapshot(run: Run, history_db: Path) -> None:
    result = run("paste", history_db, "--rep", "bob stone", "--date", "2026-01-26", SAMPLE)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        SAMPLE_READ,
        "Added Bob Stone on 2026-01-26: SSI 58 (brand 14.82, people 12.5, insights 15.1,"
        " relationships 15.58).",
    ]
    assert _stored(history_db, "bob@acme.example", "2026-01-26") == (
        58,
        14.82,
        12.5,
        15.1,
        15.58,
        18,
        22,
        41,
        33,
    )
    assert _board(run, history_db)["Bob Stone"]["ssi"] == 58
    assert query(history_db, "SELECT kind FROM changes ORDER BY change_id DESC LIMIT 1") == [
        ("pasted",)
    ]


def test_standard_input_without_a_date_is_todays_snapshot(run: Run, history_db: Path) -> None:
    result = run("paste", history_db, "--rep", "Ana Lima", input=SAMPLE.read_text())
    assert result.exit_code == 0, result.output
    today = dt.date.today().isoformat()
    assert f"Added Ana Lima on {today}: SSI 58" in result.stdout
    assert _stored(history_db, "ana@acme.example", today)[0] == 58


def test_a_dash_reads_standard_input_too(run: Run, history_db: Path) -> None:
    text = (PAGES / "windows_crlf.txt").read_bytes()
    result = run("paste", history_db, "--rep", "Eve Park", "--date", "2026-01-26", "-", input=text)
    assert result.exit_code == 0, result.output
    assert _stored(history_db, "eve@acme.example", "2026-01-26")[:2] == (67, 20.998)


def test_a_page_without_pillars_stores_the_total_alone_and_says_so(
    run: Run, history_db: Path
) -> None:
    page = PAGES / "partial_page.txt"
    result = run("paste", history_db, "--rep", "Gil Moss", "--date", "2026-01-26", page)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Read: total 58, industry Top 18%, industry average 41; could not find: the pillars.",
        "Added Gil Moss on 2026-01-26: SSI 58 (pillars not given).",
    ]
    stored = _stored(history_db, "gil@acme.example", "2026-01-26")
    assert stored[:5] == (58, None, None, None, None)


def test_pillars_without_a_total_store_their_sum(run: Run, history_db: Path) -> None:
    page = PAGES / "pillars_only.txt"
    result = run("paste", history_db, "--rep", "Cleo Wu", "--date", "2026-01-26", page)
    assert result.exit_code == 0, result.output
    assert "could not find: the total." in result.stdout
    assert _stored(history_db, "cleo@acme.example", "2026-01-26")[:5] == (
        58,
        14.82,
        12.5,
        15.1,
        15.58,
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ((PAGES / "not_a_page.txt").read_text(), "the pillars"),
        ("", "the pillars"),
        ("Find the right people 12.5", "all four pillars"),
    ],
)
def test_text_with_no_ssi_is_an_error_and_writes_nothing(
    run: Run, history_db: Path, text: str, found: str
) -> None:
    before = dump_tables(history_db)
    result = run("paste", history_db, "--rep", "Bob Stone", input=text)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"Error: (stdin): no SSI to store: found neither the total nor {found};"
    )
    assert "Nothing was written." in result.stderr
    assert dump_tables(history_db) == before


def test_an_unknown_rep_needs_new_rep(run: Run, history_db: Path) -> None:
    before = dump_tables(history_db)
    refused = run("paste", history_db, "--rep", "Zoe Quinn", "--date", "2026-01-26", SAMPLE)
    assert refused.exit_code == 2
    assert "no rep called 'Zoe Quinn'" in refused.stderr
    assert dump_tables(history_db) == before
    added = run(
        "paste", history_db, "--rep", "Zoe Quinn", "--date", "2026-01-26", "--new-rep", SAMPLE
    )
    assert added.exit_code == 0, added.output
    assert "Added Zoe Quinn (new rep) on 2026-01-26: SSI 58" in added.stdout
    assert _board(run, history_db)["Zoe Quinn"]["ssi"] == 58


def test_values_the_importer_refuses_are_refused_and_nothing_written(
    run: Run, history_db: Path
) -> None:
    before = dump_tables(history_db)
    page = SAMPLE.read_text().replace("58\nout of 100", "70\nout of 100")
    result = run("paste", history_db, "--rep", "Bob Stone", "--date", "2026-01-26", input=page)
    assert result.exit_code == 2
    assert "differs from the sum of the pillars" in result.stderr
    assert dump_tables(history_db) == before


def test_the_same_page_again_changes_nothing(run: Run, history_db: Path) -> None:
    args = ("paste", history_db, "--rep", "Bob Stone", "--date", "2026-01-26", SAMPLE)
    assert run(*args).exit_code == 0
    before = dump_tables(history_db)
    again = run(*args)
    assert again.exit_code == 0, again.output
    assert "Unchanged: Bob Stone on 2026-01-26" in again.stdout
    assert dump_tables(history_db) == before


def test_a_missing_file_is_an_error(run: Run, history_db: Path, tmp_path: Path) -> None:
    result = run("paste", history_db, "--rep", "Bob Stone", tmp_path / "nope.txt")
    assert result.exit_code != 0
    assert "nope.txt" in result.stderr
    assert "Traceback" not in result.output


def test_on_a_terminal_it_asks_for_the_page_and_reads_it_to_ctrl_d(history_db: Path) -> None:
    """`ssi-tui paste DB --rep NAME` typed at a terminal: paste, then ctrl+d."""
    import os
    import pty
    import subprocess
    import sys
    import termios

    leader, follower = pty.openpty()
    attributes = termios.tcgetattr(follower)
    attributes[3] &= ~termios.ECHO  # what is pasted is not echoed back into the pty
    termios.tcsetattr(follower, termios.TCSANOW, attributes)
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "ssi_tui", "paste", str(history_db), "--rep", "Dev Rao"],
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=history_db.parent,
        )
        os.write(leader, SAMPLE.read_text().encode() + b"\n\x04")
        out, err = process.communicate(timeout=60)
    finally:
        os.close(leader)
        os.close(follower)
    assert process.returncode == 0, err
    assert err.startswith("Paste the SSI page, then press ctrl+d")
    assert out.splitlines()[0] == SAMPLE_READ
    assert _stored(history_db, "dev@acme.example", dt.date.today().isoformat())[0] == 58
