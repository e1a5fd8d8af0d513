"""`ssi-tui copy SRC DST` (issue #24): a history moved from a file to a server and back loses
nothing (every table, as it was), the copy goes on as the original does, and a copy never
writes into an existing history."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.cli.conftest import Invoke
from tests.cli.test_cli_postgres import VIEWS, _tables
from tests.db_helpers import dump_tables

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _without_meta(tables: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """Every table but ssi_meta (what each store says about itself), rows sorted alike."""
    return {name: sorted(rows, key=repr) for name, rows in tables.items() if name != "ssi_meta"}


def _history_in_a_file(invoke: Invoke, path: Path) -> None:
    for name in ("history.csv", "correction.csv", "identity/export_with_ids.csv"):
        assert invoke("import", path, FIXTURES / name).exit_code == 0
    assert invoke("target", path, "--team", "SMB", "62").exit_code == 0


def test_a_file_copied_to_a_server_and_back_is_the_same_history(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    path, url, back = tmp_path / "team.duckdb", postgres_url(), tmp_path / "back.duckdb"
    _history_in_a_file(invoke, path)
    original = _without_meta(dump_tables(path))
    to_server = invoke("copy", path, url)
    assert to_server.exit_code == 0, to_server.output
    assert to_server.stdout == (
        f"Copied {path} into {url}: {len(original['snapshots'])} snapshots of"
        f" {len(original['reps'])} reps, 3 imports, {len(original['changes'])} changes.\n"
    )
    assert original["snapshots"] and original["targets"]
    assert _without_meta(_tables(url)) == original
    assert invoke("copy", url, back).exit_code == 0
    assert _without_meta(dump_tables(back)) == original
    for view in VIEWS:
        board = invoke("leaderboard", path, "--format", "json", *view).stdout
        assert invoke("leaderboard", url, "--format", "json", *view).stdout == board


def test_a_copy_goes_on_as_the_original_does(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    path, url, back = tmp_path / "team.duckdb", postgres_url(), tmp_path / "back.duckdb"
    _history_in_a_file(invoke, path)
    assert invoke("copy", path, url).exit_code == 0
    assert invoke("copy", url, back).exit_code == 0
    for database in (path, url, back):  # the next import ids follow the copied ones
        assert invoke("import", database, FIXTURES / "week4.csv").exit_code == 0
    imports = [row[:7] + row[8:] for row in dump_tables(path)["imports"]]
    assert [row[:7] + row[8:] for row in _tables(url)["imports"]] == imports
    assert [row[:7] + row[8:] for row in dump_tables(back)["imports"]] == imports


def test_a_copy_never_writes_into_an_existing_history(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    path, url, other = tmp_path / "team.duckdb", postgres_url(), tmp_path / "other.duckdb"
    _history_in_a_file(invoke, path)
    assert invoke("import", url, FIXTURES / "week4.csv").exit_code == 0
    assert invoke("import", other, FIXTURES / "week4.csv").exit_code == 0
    on_server, in_file = _tables(url), dump_tables(other)
    for target in (url, other):
        refused = invoke("copy", path, target)
        assert refused.exit_code == 1
        assert "already exists; a copy goes only into a new history" in refused.stderr
    assert _tables(url) == on_server and dump_tables(other) == in_file


def test_a_missing_source_is_a_clean_error_and_creates_nothing(
    invoke: Invoke, tmp_path: Path, postgres_url: Callable[[], str]
) -> None:
    url = postgres_url()
    result = invoke("copy", tmp_path / "none.duckdb", url)
    assert result.exit_code == 1 and "no such database" in result.stderr
    assert _tables(url) == {}
    result = invoke("copy", url, tmp_path / "new.duckdb")
    assert result.exit_code == 1 and "no such database" in result.stderr
    assert not (tmp_path / "new.duckdb").exists()
