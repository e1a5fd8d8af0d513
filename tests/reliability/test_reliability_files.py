"""Files (issue #7): odd database files are refused clearly and never touched; old ones upgrade.

* A database from a newer ssi-tui, a corrupt one (random bytes, truncated, a zeroed block),
  an empty file, a text file and a DuckDB file of another application: `ssi-tui DB`,
  `ssi-tui leaderboard` and `ssi-tui import` each exit 1 with a message naming the file and
  saying what is wrong -- and the file keeps its bytes and its modification time, with no
  write-ahead log appearing next to it.
* Viewing never needs write access: checked for real as an unprivileged user on a 0444 file
  in a 0555 folder, and in the app itself.
* A database at every earlier schema version upgrades, by `ssi-tui upgrade` or by the next
  import, keeping every row.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from ssi_tui import resources
from ssi_tui.model.board import load_board
from ssi_tui.store import database as store
from ssi_tui.ui.app import SsiApp
from tests.hostile.support import csv_text, dump_db, fingerprint, make_template, run_cli
from tests.ui.helpers import shown_names, wait_for_board

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("files-template"))


# -- files that are not a usable ssi-tui database -------------------------------------------------


def _random(_template: Path, path: Path) -> None:
    path.write_bytes(random.Random(5).randbytes(300_000))


def _empty(_template: Path, path: Path) -> None:
    path.write_bytes(b"")


def _text(_template: Path, path: Path) -> None:
    path.write_text("name,score\nAnn,50\n", encoding="utf-8")


def _truncated(template: Path, path: Path) -> None:
    data = template.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _truncated_header(template: Path, path: Path) -> None:
    path.write_bytes(template.read_bytes()[:12_288])


def _zeroed_block(template: Path, path: Path) -> None:
    data = template.read_bytes()
    path.write_bytes(data[:12_288] + bytes(4096) + data[16_384:])


def _foreign(_template: Path, path: Path) -> None:
    conn = duckdb.connect(str(path))
    conn.execute("CREATE TABLE customers (id INTEGER, name VARCHAR)")
    conn.execute("INSERT INTO customers VALUES (1, 'Acme')")
    conn.close()


def _newer(template: Path, path: Path) -> None:
    shutil.copyfile(template, path)
    conn = duckdb.connect(str(path))
    conn.execute(
        "UPDATE ssi_meta SET value = ? WHERE key = 'schema_version'",
        [str(store.SCHEMA_VERSION + 1)],
    )
    conn.close()


BAD_FILES: dict[str, tuple[Callable[[Path, Path], None], str]] = {
    "random-bytes": (_random, "not a DuckDB database file"),
    "empty-file": (_empty, "not a DuckDB database file"),
    "text-file": (_text, "not a DuckDB database file"),
    "truncated-half": (_truncated, "damaged"),
    "truncated-to-header": (_truncated_header, "cannot open the database"),
    "zeroed-block": (_zeroed_block, "Corrupt database file"),
    "foreign-duckdb": (_foreign, "not an ssi-tui database"),
    "newer-schema": (_newer, f"newer ssi-tui (schema version {store.SCHEMA_VERSION + 1}"),
}
COMMANDS = {
    "open": lambda db, export: [db],
    "leaderboard": lambda db, export: ["leaderboard", db, "--format", "json"],
    "import": lambda db, export: ["import", db, export],
    "upgrade": lambda db, export: ["upgrade", db],
    "add": lambda db, export: ["add", db, "--rep", "Ann", "--ssi", "40", "--new-rep"],
}


@pytest.mark.parametrize("command", list(COMMANDS))
def test_an_export_given_as_the_database_is_refused_and_untouched(
    command: str, tmp_path: Path
) -> None:
    """`ssi-tui import team.csv new.csv` (the arguments swapped), or an export opened as if it
    were the database: DuckDB went by the `.csv` name and failed with an unrelated catalog
    error. It must say what the file is not, and leave it as it was."""
    folder = tmp_path / "exports"
    folder.mkdir()
    export = folder / "team.csv"
    export.write_text(csv_text("2026-06-01,ann@acme.example,Ann,West,10,10,10,10,40"), "utf-8")
    other = folder / "new.csv"
    other.write_text(csv_text("2026-06-08,ann@acme.example,Ann,West,11,10,10,10,41"), "utf-8")
    before = fingerprint(export)

    result = run_cli(COMMANDS[command](export, other), timeout=60)

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert f"Error: {export}: not a DuckDB database file" in result.output, result.output
    assert fingerprint(export) == before
    assert sorted(p.name for p in folder.iterdir()) == ["new.csv", "team.csv"]


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_unusable_database_files_are_refused_and_untouched(
    kind: str, command: str, template: Path, tmp_path: Path
) -> None:
    make, says = BAD_FILES[kind]
    folder = tmp_path / "db"
    folder.mkdir()
    db = folder / "team.duckdb"
    make(template, db)
    export = tmp_path / "new.csv"
    export.write_text(csv_text("2026-06-01,zed@acme.example,Zed,West,10,10,10,10,40"), "utf-8")
    before = fingerprint(db)

    result = run_cli(COMMANDS[command](db, export), timeout=60)

    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"Error: {db}: " in result.output
    assert says in result.output, result.output
    assert fingerprint(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["team.duckdb"]  # no .wal, nothing else


# -- viewing needs no write access -----------------------------------------------------------------

AS_NOBODY = """
import json, os, sys
from click.testing import CliRunner
from ssi_tui.cli.main import cli

db, warm = sys.argv[1], sys.argv[2]
runner = CliRunner()
# Warm up as root: every module the command needs is imported before privileges go.
assert runner.invoke(cli, ["leaderboard", warm, "--format", "json"]).exit_code == 0
assert runner.invoke(cli, ["leaderboard", warm]).exit_code == 0
os.setgid(65534)
os.setuid(65534)
try:
    open(db, "ab")
except PermissionError:
    pass
else:
    raise SystemExit("the database is still writable: the test proves nothing")
result = runner.invoke(cli, ["leaderboard", db, "--format", "json"])
table = runner.invoke(cli, ["leaderboard", db])
print(json.dumps({"code": result.exit_code, "out": result.output, "table": table.exit_code,
                  "error": repr(result.exception)}))
"""


@pytest.fixture
def world_readable_dir() -> Iterator[Path]:
    """A folder outside pytest's private (0700) tmp tree, so another user can reach it."""
    folder = Path(tempfile.mkdtemp(prefix="ssi-readonly-"))
    try:
        yield folder
    finally:
        for path in (folder, *folder.iterdir()):
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder)


@pytest.mark.skipif(not hasattr(os, "setuid"), reason="needs POSIX users")
def test_viewing_works_without_write_permission(template: Path, world_readable_dir: Path) -> None:
    if os.geteuid() != 0:
        pytest.skip("needs root to drop to another user (as a user, chmod is proof enough)")
    folder = world_readable_dir / "ro"
    folder.mkdir()
    db = folder / "team.duckdb"
    shutil.copyfile(template, db)
    warm = world_readable_dir / "warm.duckdb"
    shutil.copyfile(template, warm)
    db.chmod(0o444)
    folder.chmod(0o555)
    world_readable_dir.chmod(0o755)
    before = fingerprint(db)

    run = subprocess.run(
        [sys.executable, "-c", AS_NOBODY, str(db), str(warm)],
        env={
            **os.environ,
            "PYTHONPATH": str(ROOT),
            # Folders the unprivileged user may look into (they hold no config file).
            "HOME": str(world_readable_dir / "home"),
            "XDG_CONFIG_HOME": str(world_readable_dir / "config"),
            "XDG_DATA_HOME": str(world_readable_dir / "data"),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    assert outcome["code"] == 0, outcome
    assert outcome["table"] == 0, outcome
    assert {r["name"] for r in json.loads(outcome["out"])} == {"Ann Ash", "Bob Birch", "Cy Cedar"}
    assert fingerprint(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["team.duckdb"]


def test_readers_connect_read_only(template: Path) -> None:
    with store.open_read(template) as conn:
        [(mode,)] = conn.execute("SELECT current_setting('access_mode')").fetchall()
    assert mode.lower() == "read_only"


async def test_the_app_never_writes_the_file(template: Path, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    shutil.copyfile(template, db)
    db.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    before = fingerprint(db)
    async with SsiApp(db).run_test(size=(140, 30)) as pilot:
        await wait_for_board(pilot)
        assert len(shown_names(pilot)) == 3
        await pilot.press("enter")  # the drill-down reads the rep's history
        await pilot.pause(0.3)
        await pilot.press("escape")
        await pilot.press("r")
        await pilot.pause(0.2)
    assert fingerprint(db) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["team.duckdb"]


# -- every earlier schema version upgrades --------------------------------------------------------

OLD_ROWS = (
    "INSERT INTO imports (file_name, content_hash, rows_added, rows_updated, rows_unchanged,"
    " rows_rejected, imported_at) VALUES ('old.csv', 'cafe', 2, 0, 0, 0, '2026-01-05 09:00:00')",
    "INSERT INTO reps VALUES ('olga@acme.example', 'Olga Old', 'North'),"
    " ('oscar@acme.example', 'Oscar Older', NULL)",
    "INSERT INTO snapshots (rep_id, snapshot_date, source, ssi, brand, people, insights,"
    " relationships, industry_rank, network_rank, industry_avg, network_avg, import_id) VALUES"
    " ('olga@acme.example', '2026-01-05', 'official', 60, 15, 15, 15, 15, 9, 12, 38.1, 46, 1),"
    " ('oscar@acme.example', '2026-01-05', 'official', 41.5, 10, 10.5, 11, 10, NULL, NULL, NULL,"
    " NULL, 1)",
)


def build_old_database(path: Path, version: int) -> None:
    """A file exactly as ssi-tui at schema VERSION left it, holding data written at version 1."""
    conn = duckdb.connect(str(path))
    try:
        for number in range(version):
            conn.execute(resources.query(f"migrations/{store.MIGRATIONS[number]}"))
            if number == 0:
                conn.execute("INSERT INTO ssi_meta VALUES ('app', 'ssi-tui')")
                conn.execute("INSERT INTO ssi_meta VALUES ('schema_version', '1')")
                for statement in OLD_ROWS:
                    conn.execute(statement)
            conn.execute(
                "UPDATE ssi_meta SET value = ? WHERE key = 'schema_version'", [str(number + 1)]
            )
        if version >= 2:
            conn.execute("INSERT INTO targets VALUES ('team', 'North', 65)")
    finally:
        conn.close()


def columns_of(db: Path) -> dict[str, list[str]]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return {
            table: [
                c
                for (c,) in conn.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                    " ORDER BY ordinal_position",
                    [table],
                ).fetchall()
            ]
            for (table,) in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        }
    finally:
        conn.close()


DERIVED_TABLES = ("board_points",)
"""Tables of an old version that held only what the snapshots give (the board's rollup of
version 4, which version 5 keeps in the snapshots themselves): rebuilt, not kept."""
DERIVED_COLUMNS = ("until", "change", "change_4w")
"""A snapshot's point on the board (version 5 on): a later snapshot moves it, as it should."""


def old_content_survives(db: Path, old: dict[str, list[tuple]], old_columns: dict) -> None:
    """Every row the old file held is still there, in the columns it had."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        for table, rows in old.items():
            if table in ("ssi_meta", "<sequences>", *DERIVED_TABLES):
                continue
            names = ", ".join(f'"{c}"' for c in old_columns[table] if c not in DERIVED_COLUMNS)
            now = set(conn.execute(f'SELECT {names} FROM "{table}"').fetchall())
            kept = [i for i, c in enumerate(old_columns[table]) if c not in DERIVED_COLUMNS]
            assert {tuple(row[i] for i in kept) for row in rows} <= now, table
        meta = dict(conn.execute("SELECT key, value FROM ssi_meta").fetchall())
    finally:
        conn.close()
    assert meta["app"] == "ssi-tui"
    assert meta["schema_version"] == str(store.SCHEMA_VERSION)


OLD_VERSIONS = list(range(1, store.SCHEMA_VERSION))


def test_every_earlier_version_is_covered() -> None:
    assert list(range(1, store.SCHEMA_VERSION)) == OLD_VERSIONS
    assert len(OLD_VERSIONS) >= 1


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_an_old_database_is_refused_for_viewing_with_the_upgrade_hint(
    version: int, tmp_path: Path
) -> None:
    db = tmp_path / "old.duckdb"
    build_old_database(db, version)
    before = fingerprint(db)
    result = run_cli(["leaderboard", db], timeout=60)
    assert result.exit_code == 1
    assert f"schema version {version}" in result.output
    assert f"ssi-tui upgrade {db}" in result.output
    assert fingerprint(db) == before


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_upgrade_keeps_every_row(version: int, tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    build_old_database(db, version)
    old, old_columns = dump_db(db), columns_of(db)
    result = run_cli(["upgrade", db], timeout=60)
    assert result.exit_code == 0, result.output
    assert f"schema version {store.SCHEMA_VERSION}, up to date" in result.output
    old_content_survives(db, old, old_columns)
    board = load_board(db)
    assert {r.name for r in board.rows} == {"Olga Old", "Oscar Older"}


@pytest.mark.parametrize("version", OLD_VERSIONS)
def test_importing_into_an_old_database_upgrades_it_and_keeps_every_row(
    version: int, tmp_path: Path
) -> None:
    db = tmp_path / "old.duckdb"
    build_old_database(db, version)
    old, old_columns = dump_db(db), columns_of(db)
    export = tmp_path / "new.csv"
    export.write_text(
        csv_text(
            "2026-01-12,olga@acme.example,Olga Old,North,16,15,15,15,61",
            "2026-01-12,zed@acme.example,Zed Zinc,West,10,10,10,10,40",
        ),
        "utf-8",
    )
    result = run_cli(["import", db, export], timeout=60)
    assert result.exit_code == 0, result.output
    old_content_survives(db, old, old_columns)
    board = load_board(db)
    assert {r.name: r.ssi for r in board.rows} == {
        "Olga Old": 61.0,
        "Oscar Older": 41.5,
        "Zed Zinc": 40.0,
    }
    assert next(r for r in board.rows if r.name == "Olga Old").change == 1.0
