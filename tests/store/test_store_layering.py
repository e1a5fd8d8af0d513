"""The data layer never loads Textual; the viewer's start-up path never loads Polars.

Checked in a fresh interpreter, since this test session may already hold either module.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
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
