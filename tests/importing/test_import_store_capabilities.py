"""An import asks the store what it can do: on a store that cannot read CSV files itself (a
server, issue #24), our own columns take the Polars path and import the same rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from ssi_tui.store import Capability
from ssi_tui.store.duckdb_store import DuckDBStore
from tests.db_helpers import dump_tables

ROOT = Path(__file__).resolve().parents[2]
EXPORT = (
    "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
    "2026-05-19,ana@acme.example,Ana Alves,North,50,12.5,12.5,12.5,12.5\n"
    "2026-05-26,ana@acme.example,Ana Alves,North,52,13,13,13,13\n"
    "2026-05-26,bo@acme.example,Bo Berg,,40,10,10,10,10\n"
)


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    tables = dump_tables(db)
    return {name: tables[name] for name in ("reps", "snapshots")}


def test_our_own_columns_import_the_same_on_a_store_without_the_csv_fast_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = tmp_path / "team.csv"
    export.write_text(EXPORT, encoding="utf-8")
    fast, slow = tmp_path / "fast.duckdb", tmp_path / "slow.duckdb"
    asked: list[Capability] = []
    staged: list[int] = []
    real_stage = DuckDBStore.stage_csv

    def stage_csv(self: DuckDBStore, files: list, checks: dict[str, float]) -> bool:  # type: ignore[type-arg]
        staged.append(len(files))
        return real_stage(self, files, checks)

    monkeypatch.setattr(DuckDBStore, "stage_csv", stage_csv)
    assert run_import(fast, [export]).total("added") == 3
    assert staged == [1]  # the fast path was taken

    def cannot(self: DuckDBStore, capability: Capability) -> bool:
        asked.append(capability)
        return False

    monkeypatch.setattr(DuckDBStore, "supports", cannot)
    assert run_import(slow, [export]).total("added") == 3
    assert asked == [Capability.CSV_FAST_PATH] and staged == [1]  # never asked to stage
    assert _rows(slow) == _rows(fast)
