"""Shared fixtures for the Textual tests: databases built through the real importer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.resources import sample_data_dir
from tests.pilot_pace import pace_pilot

pace_pilot()


@pytest.fixture(scope="session")
def sample_db_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample team, imported once per test session."""
    path = tmp_path_factory.mktemp("sample") / "team.duckdb"
    run_import(path, [sample_data_dir()])
    return path


@pytest.fixture
def in_exports_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work in the folder the exports are in, as a manager does, so the import dialog is typed
    a file's name: Pilot typing a whole temporary path took most of such a test's time."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def sample_db(sample_db_master: Path, tmp_path: Path) -> Path:
    """A private copy of the sample database (tests may import into it)."""
    path = tmp_path / "team.duckdb"
    shutil.copy(sample_db_master, path)
    return path


def write_csv(path: Path, rows: list[str]) -> Path:
    """A canonical export with the given data lines."""
    header = "date,rep_id,name,team,brand,people,insights,relationships,ssi"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path
