"""The view value: one frozen BoardView for the CLI, the screens and the kept-board cache."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import fields, replace

import pytest

from ssi_tui.config import Config
from ssi_tui.model.options import ViewOptions
from ssi_tui.model.source import Source
from ssi_tui.model.view import SHOWN_ONLY, BoardView

CHANGED = {
    "as_of": dt.date(2026, 3, 2),
    "team": "SMB",
    "source": Source.OFFICIAL,
    "target": 60.0,
    "anonymise": True,
    "exclude": ("ann@x.example",),
    "sort": "brand",
    "reverse": True,
    "filter": "ann",
}


def test_every_field_has_a_changed_value_here() -> None:
    assert set(CHANGED) == {f.name for f in fields(BoardView)}


def test_the_kept_key_is_plain_json_and_the_same_on_every_call() -> None:
    view = BoardView(as_of=dt.date(2026, 3, 2), team="SMB", exclude=("a", "b"))
    key = view.kept_key()
    assert json.loads(json.dumps(key)) == key
    assert json.dumps(key, sort_keys=True) == json.dumps(
        BoardView(as_of=dt.date(2026, 3, 2), team="SMB", exclude=["a", "b"]).kept_key(),  # type: ignore[arg-type]
        sort_keys=True,
    )
    assert key["source"] == "best" and key["as_of"] == "2026-03-02"


@pytest.mark.parametrize("name", sorted(CHANGED))
def test_the_kept_key_changes_with_each_field_that_decides_the_board(name: str) -> None:
    base = BoardView()
    changed = replace(base, **{name: CHANGED[name]})
    if name in SHOWN_ONLY:  # sort and filter apply to a board once read
        assert changed.kept_key() == base.kept_key()
        assert changed.board_view == base.board_view
    else:
        assert changed.kept_key() != base.kept_key()
        assert changed.board_view != base.board_view


def test_a_kept_key_gives_back_its_view() -> None:
    view = replace(BoardView(), **{k: v for k, v in CHANGED.items() if k not in SHOWN_ONLY})
    assert BoardView.from_kept_key(json.loads(json.dumps(view.kept_key()))) == view


def test_a_source_given_as_text_becomes_a_source() -> None:
    view = BoardView(source="estimated")  # type: ignore[arg-type]
    assert view.source is Source.ESTIMATED
    with pytest.raises(ValueError):
        BoardView(source="guessed")  # type: ignore[arg-type]


def test_flags_go_into_the_view_and_the_config_fills_the_rest() -> None:
    config = Config(target=80.0, anonymise=True, exclude=("zed@x.example",))
    options = ViewOptions.from_config(
        config, team="SMB", source="official", sort="name", standup=True, as_of=None
    )
    assert options.view == BoardView(
        team="SMB",
        source=Source.OFFICIAL,
        target=80.0,
        anonymise=True,
        exclude=("zed@x.example",),
        sort="name",
    )
    assert options.standup is True
