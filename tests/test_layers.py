"""The layers of ssi_tui hold: the import-linter contracts in pyproject.toml, no import cycle,
and what only a fresh interpreter can show (the data layer never loads Textual, the viewer's
start-up path never loads Polars, however lazily the modules import them).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import grimp
import pytest
from importlinter import cli as import_linter

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"


def run_python(code: str, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_data_layer_modules_do_not_import_textual(tmp_path: Path) -> None:
    run_python(
        """
        import sys
        import ssi_tui.store.database, ssi_tui.store.writer
        import ssi_tui.importing.importer, ssi_tui.model.board
        import ssi_tui.ingest.headers, ssi_tui.ingest.validate, ssi_tui.ingest.readers
        import ssi_tui.model.formats, ssi_tui.cli.main, ssi_tui.boards.board_cache
        # What `ssi-tui DB` reads its first board with, before the app (and Textual) starts:
        import ssi_tui.boards.board_loader, ssi_tui.boards.board_summary, ssi_tui.boards.head_start
        loaded = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual."))
        assert not loaded, loaded
        """,
        tmp_path,
    )


@pytest.mark.parametrize("module", ["ssi_tui.model.board", "ssi_tui.store.database"])
def test_board_and_store_do_not_import_polars(module: str, tmp_path: Path) -> None:
    run_python(
        f"""
        import sys
        import {module}
        assert "polars" not in sys.modules
        assert "textual" not in sys.modules
        """,
        tmp_path,
    )


def test_import_then_leaderboard_in_one_process_never_imports_textual(tmp_path: Path) -> None:
    run_python(
        f"""
        import sys
        from click.testing import CliRunner
        from ssi_tui.cli.main import cli

        runner = CliRunner()
        db = {str(tmp_path / "t.duckdb")!r}
        result = runner.invoke(cli, ["import", db, {str(FIXTURES / "history.csv")!r}])
        assert result.exit_code == 0, result.output
        for fmt in ("table", "csv", "json", "markdown"):
            result = runner.invoke(cli, ["leaderboard", db, "--format", fmt])
            assert result.exit_code == 0, result.output
        assert "textual" not in sys.modules
        """,
        tmp_path,
    )


def test_refreshing_kept_boards_after_an_import_loads_the_board_reader_only_when_needed(
    tmp_path: Path,
) -> None:
    """`ssi-tui import` refreshes kept boards after every import; most files have none."""
    run_python(
        f"""
        import os, sys
        os.environ["SSI_TUI_CACHE_DIR"] = {str(tmp_path / "cache")!r}
        from pathlib import Path
        from ssi_tui.boards.kept_boards import keep_boards_fresh
        assert keep_boards_fresh(Path({str(tmp_path / "none.duckdb")!r})) == 0
        assert "ssi_tui.boards.board_loader" not in sys.modules
        assert not any(m == "textual" or m.startswith("textual.") for m in sys.modules)
        """,
        tmp_path,
    )


def test_the_layer_contracts_in_pyproject_hold() -> None:
    """Each layer imports only from itself and the layers below it; Textual, click, Polars and
    Rich only where pyproject.toml's contracts allow (read them there)."""
    config = str(ROOT / "pyproject.toml")
    assert import_linter.lint_imports(config_filename=config, no_cache=True, no_logo=True) == 0


def test_no_module_imports_one_that_imports_it_back() -> None:
    """No import cycle, direct or through other modules, lazy imports included."""
    graph = grimp.build_graph("ssi_tui", cache_dir=None)
    cycles = [
        (module, other)
        for module in sorted(graph.modules)
        for other in sorted(graph.find_modules_directly_imported_by(module))
        if graph.chain_exists(importer=other, imported=module)
    ]
    assert not cycles, cycles
