"""Which columns give way first on narrow terminals (a pure function: no terminal needed)."""

from __future__ import annotations

from ssi_tui.ui.layout import MIN_SPARK, fit_columns
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
