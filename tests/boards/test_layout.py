"""Which columns give way first on narrow terminals (a pure function: no terminal needed)."""

from __future__ import annotations

from ssi_tui.boards.layout import MIN_SPARK, fit_columns
from ssi_tui.ui.widgets.board_table import columns_for


def _width(layout) -> int:  # type: ignore[no-untyped-def]
    columns = columns_for(layout)
    return columns[-1].x + columns[-1].width


def test_wide_terminals_get_twelve_weeks_of_every_sparkline() -> None:
    layout = fit_columns(160, longest_name=16, longest_team=10)
    assert (layout.total_spark, layout.pillar_spark) == (12, 12)
    assert layout.name == 16 and layout.team == 10


def test_pillar_sparklines_shrink_then_hide_before_anything_else() -> None:
    previous = fit_columns(160, 16, 10)
    for width in range(159, 60, -1):
        layout = fit_columns(width, 16, 10)
        assert _width(layout) <= width
        if layout.pillar_spark:
            assert layout.total_spark >= layout.pillar_spark >= MIN_SPARK
        if layout.team < 10 or layout.name < 16:
            assert layout.pillar_spark == 0 and layout.total_spark == 0
        if layout.name < 16:
            assert layout.team == 0
        assert layout.pillar_spark <= previous.pillar_spark
        previous = layout


def test_eighty_columns_keep_full_names_and_teams() -> None:
    layout = fit_columns(78, longest_name=16, longest_team=10)
    assert layout.name == 16 and layout.team == 10
    assert _width(layout) <= 78


def test_ten_thousand_reps_widen_the_rank_column_and_nothing_overflows() -> None:
    assert fit_columns(120, 16, 10, reps=9_999).rank == 4
    for width in range(159, 60, -1):
        layout = fit_columns(width, 16, 10, reps=10_000)
        assert layout.rank == 5
        assert _width(layout) <= width


def test_the_figure_the_board_is_sorted_by_always_has_a_column() -> None:
    """Issue #8: sorted by most improved or by % of target, that figure is shown at any width
    where the board fits at all, and the layout still fits."""
    for width in range(160, 60, -1):
        if _width(fit_columns(width - 7, 16, 10)) > width - 7:
            break  # too narrow for the board with one more column (names stop at 10 cells)
        improvement = fit_columns(width, 16, 10, sorted_by="improvement")
        keys = [column.key for column in columns_for(improvement)]
        assert "improvement" in keys and _width(improvement) <= width, width
        target = fit_columns(width, 16, 10, sorted_by="target")
        assert "target" in [c.key for c in columns_for(target)] and _width(target) <= width
        plain = fit_columns(width, 16, 10)
        assert "improvement" not in [c.key for c in columns_for(plain)]
    assert width < 80
