"""Shared fixtures of the CLI tests: an in-process runner, fixture databases, table dumps."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ssi_tui.cli.main import cli
from tests.db_helpers import dump_tables

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

Invoke = Callable[..., Result]


@pytest.fixture
def invoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run `ssi-tui ARGS...` in-process; any uncaught exception (a traceback) fails the test.

    Runs in tmp_path with HOME pointed there, so nothing touches the user's directories.
    """
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))

    def run(*args: str | Path, env: dict[str, str] | None = None, allow_crash: bool = False):  # type: ignore[no-untyped-def]
        result = CliRunner().invoke(cli, [str(a) for a in args], env=env)
        if not allow_crash:
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                f"uncaught {result.exception!r}\n{result.output}"
            )
        return result

    return run


@pytest.fixture
def dump() -> Callable[[Path], dict[str, list[tuple]]]:
    return dump_tables


def _template(factory: pytest.TempPathFactory, name: str, *files: str) -> Path:
    from ssi_tui.importing.importer import run_import

    db = factory.mktemp("template") / f"{name}.duckdb"
    run_import(db, [FIXTURES / f for f in files])
    return db


@pytest.fixture(scope="session")
def history_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory, "history", "history.csv")


@pytest.fixture(scope="session")
def tricky_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _template(tmp_path_factory, "tricky", "tricky_names.csv")


@pytest.fixture
def history_db(history_template: Path, tmp_path: Path) -> Path:
    """A private copy of tests/fixtures/history.csv imported (12 snapshots, 6 reps)."""
    db = tmp_path / "team.duckdb"
    shutil.copyfile(history_template, db)
    return db


@pytest.fixture
def tricky_db(tricky_template: Path, tmp_path: Path) -> Path:
    """A private copy of tests/fixtures/tricky_names.csv imported."""
    db = tmp_path / "tricky.duckdb"
    shutil.copyfile(tricky_template, db)
    return db
