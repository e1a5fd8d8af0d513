"""Kept boards' extras as typed values: through JSON and back, a start prepares the board the
last start prepared (no Textual)."""

from __future__ import annotations

import json
from pathlib import Path

from ssi_tui.boards.board_loader import BoardSource, FoldCache, PreparedBoard
from ssi_tui.boards.kept import KeptBoard, KeptPage
from ssi_tui.importing.importer import run_import
from ssi_tui.model.view import BoardView

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _through_json(extras: tuple[object, ...]) -> list[object]:
    return json.loads(json.dumps(extras))


def _prepared(tmp_path: Path) -> PreparedBoard:
    db = tmp_path / "team.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    (prepared,) = BoardSource(db).load([BoardView()])
    return prepared


def test_a_kept_board_comes_back_in_the_same_orders(tmp_path: Path) -> None:
    prepared = _prepared(tmp_path)
    kept = KeptBoard.from_json(_through_json(prepared.to_kept().to_json()))
    assert kept == prepared.to_kept()
    again = PreparedBoard.from_kept(prepared.board, kept, FoldCache())
    assert again.measure == prepared.measure
    assert again.by_name == prepared.by_name
    assert again.order("ssi", False) == prepared.order("ssi", False)


def test_a_kept_page_comes_back_with_its_summary_line(tmp_path: Path) -> None:
    prepared = _prepared(tmp_path)
    kept = prepared.page_to_kept("team.duckdb", 70.0)
    back = KeptPage.from_json(_through_json(kept.to_json()))
    assert (back.measure, back.rows) == (prepared.measure, len(prepared.board.rows))
    assert back.summary.plain == kept.summary.plain
    assert [(s.start, s.end, str(s.style)) for s in back.summary.spans] == [
        (s.start, s.end, str(s.style)) for s in kept.summary.spans
    ]
