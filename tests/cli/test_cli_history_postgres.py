"""Issue #23's changes on a PostgreSQL history (issue #24): imports, corrections, typed and
pasted entries, roster changes, targets and their undos, made by the same commands on a file
and on a URL, leave both histories alike: every table, the board and `ssi-tui history`."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from tests.cli.conftest import Invoke
from tests.db_helpers import dump_tables

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

DB = "{db}"
"""Where a step names the history: the file, or the URL."""

STEPS: list[list[str | Path]] = [
    ["import", DB, FIXTURES / "history.csv"],
    ["import", DB, FIXTURES / "correction.csv"],
    ["undo", DB, "--dry-run"],
    ["undo", DB],  # of a correcting import
    ["import", DB, FIXTURES / "correction.csv"],  # imports again once undone
    ["import", DB, FIXTURES / "week4.csv"],
    ["reps", "rename", DB, "Ana Lima", "Ana Lima-Souza"],
    ["reps", "team", DB, "SMB", "Ana Lima-Souza", "bob@acme.example"],
    ["reps", "leave", DB, "Eve Park", "--date", "2026-01-10"],
    ["reps", "merge", DB, "dev@acme.example", "cleo@acme.example", "--keep", "from"],
    ["undo", DB],  # of a merge
    ["reps", "merge", DB, "dev@acme.example", "cleo@acme.example", "--keep", "into"],
    ["reps", "delete", DB, "Gil Moss", "--yes"],
    ["add", DB, "--rep", "Bob Stone", "--date", "2026-01-26", "--ssi", "57"],
    ["add", DB, "--rep", "Bob Stone", "--date", "2026-01-26", "--ssi", "57.4"],  # a correction
    ["add", DB, "--rep", "Zed New", "--date", "2026-01-26", "--ssi", "41", "--new-rep"],
    [
        "paste",
        DB,
        FIXTURES / "ssi_page" / "full_page.txt",
        "--rep",
        "Cleo Wu",
        "--date",
        "2026-01-26",
    ],
    ["target", DB, "--default", "65"],
    ["target", DB, "--team", "SMB", "60"],
    ["target", DB],
    ["undo", DB, "2"],  # refused: undone already
    ["reps", "list", DB, "--format", "json"],
    *[["undo", DB]] * 6,  # the paste, the entries, the delete, the merge: newest first
]

WEEK4_FIX = "date,rep_id,name,team,ssi,brand,people,insights,relationships\n" + (
    "2026-01-26,ana@acme.example,Ana Lima,Enterprise,67,17,16,17,17\n"
)
"""A later correction of week4.csv's rows: an undo of week4.csv must wait for its undo."""

UNDO_ORDER_STEPS: list[list[str | Path]] = [
    ["import", DB, FIXTURES / "history.csv"],
    ["import", DB, FIXTURES / "mixed" / "activity.csv"],  # activities and an estimate
    ["import", DB, FIXTURES / "correction.csv"],
    ["import", DB, FIXTURES / "week4.csv", "--date-format", "%Y-%m-%d", "--remember"],
    ["import", DB, "week4_fix.csv"],
    ["undo", DB, "4", "--dry-run"],  # refused: week4_fix.csv corrects its rows
    ["undo", DB, "4"],
    ["undo", DB, "3"],  # a correction under a later week: allowed, the week follows it
    ["undo", DB, "5"],
    ["undo", DB, "4"],
    ["undo", DB, "2"],  # the activities and their estimate
    ["import", DB, FIXTURES / "mixed" / "activity.csv"],  # imports again once undone
    ["import", DB, "--forget-settings"],
]

_TIME = re.compile(r"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")


def _server_tables(url: str) -> dict[str, list[tuple]]:
    import psycopg

    with psycopg.connect(url) as conn:
        names = [
            name
            for (name,) in conn.execute(
                b"SELECT table_name FROM information_schema.tables"
                b" WHERE table_schema = 'public' ORDER BY table_name"
            ).fetchall()
        ]
        return {
            n: sorted(conn.execute(f'SELECT * FROM "{n}"'.encode()).fetchall(), key=repr)
            for n in names
        }


def _comparable(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """TABLES without what differs by backend or moment: the times of imports and changes,
    and ssi_meta's keys but the settings a history keeps (store/settings.py)."""
    kept = dict(tables)
    kept["ssi_meta"] = sorted(
        row for row in tables["ssi_meta"] if row[0] not in ("changes", "schema_version", "app")
    )
    kept["imports"] = sorted((row[:7] + row[8:] for row in tables["imports"]), key=repr)
    kept["changes"] = sorted((row[:2] + row[3:] for row in tables["changes"]), key=repr)
    return kept


def _said(output: str, database: str) -> str:
    return _TIME.sub("TIME", output.replace(database, "DB"))


def _views(invoke: Invoke, database: str | Path) -> tuple[str, str]:
    """The board as CSV, and the change history as JSON without its times."""
    board = invoke("leaderboard", database, "--format", "csv")
    history = invoke("history", database, "--format", "json")
    assert board.exit_code == 0 and history.exit_code == 0, board.output + history.output
    changes = json.loads(history.stdout)
    for change in changes:
        change.pop("made_at", None)
    return board.stdout, json.dumps(changes, sort_keys=True)


def _run_on_both(invoke: Invoke, steps: list[list[str | Path]], path: Path, url: str) -> None:
    """Each of STEPS on the file at PATH, then on URL: the same exit, words, tables, views."""
    for step in steps:
        on_file = invoke(*(str(path) if a == DB else a for a in step))
        on_server = invoke(*(url if a == DB else a for a in step))
        shown = " ".join(map(str, step))
        assert on_server.exit_code == on_file.exit_code, f"{shown}\n{on_server.output}"
        assert _said(on_server.output, url) == _said(on_file.output, str(path)), shown
        assert _comparable(_server_tables(url)) == _comparable(dump_tables(path)), shown
        assert _views(invoke, url) == _views(invoke, path), shown


def test_every_change_and_undo_leaves_a_server_as_it_leaves_a_file(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    url = postgres_url()
    _run_on_both(invoke, STEPS, tmp_path / "team.duckdb", url)
    history = invoke("history", url, "--format", "json")
    kinds = {change["kind"] for change in json.loads(history.stdout)}
    assert {"files", "typed", "pasted", "rename", "team", "leave", "merge", "delete", "undo"} <= (
        kinds
    )


def test_undos_out_of_order_refused_or_not_alike_on_a_server_and_a_file(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    (tmp_path / "week4_fix.csv").write_text(WEEK4_FIX, encoding="utf-8")  # invoke runs here
    url = postgres_url()
    _run_on_both(invoke, UNDO_ORDER_STEPS, tmp_path / "team.duckdb", url)
    kinds = [c["kind"] for c in json.loads(invoke("history", url, "--format", "json").stdout)]
    assert kinds.count("undo") == 4


def test_the_commands_name_a_url_without_its_password(
    invoke: Invoke, postgres_url: Callable[[], str]
) -> None:
    url = postgres_url()
    with_password = url.replace("postgres@", "postgres:s3cret@")
    for step in (
        ["history", with_password],  # nothing there yet
        ["undo", with_password],
        ["import", with_password, FIXTURES / "history.csv"],
        ["reps", "rename", with_password, "Ana Lima", "Ana Lima-Souza"],
        ["target", with_password, "--default", "65"],
        ["target", with_password],
        ["add", with_password, "--rep", "Bob Stone", "--date", "2026-01-26", "--ssi", "57"],
        ["undo", with_password],
    ):
        result = invoke(*step)
        said = result.output + result.stderr
        assert "s3cret" not in said, step
        assert url in said or step[0] in ("add", "undo"), step  # those two name no database
    assert invoke("history", url).exit_code == 0


def test_history_and_undo_on_a_database_without_a_history_say_so(
    invoke: Invoke, postgres_url: Callable[[], str]
) -> None:
    url = postgres_url()
    for step in (["history", url], ["undo", url], ["undo", url, "--dry-run"]):
        result = invoke(*step)
        assert result.exit_code == 1
        assert result.stderr == f"Error: {url}: no such database.\n"
