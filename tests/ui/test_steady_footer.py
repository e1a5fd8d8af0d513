"""SteadyFooter: the keys of a screen shown again are the same widgets; new keys still show."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, Label
from textual.widgets._footer import FooterKey

from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.widgets.steady_footer import SteadyFooter, keys_that_fit
from tests.ui.helpers import screen_text, wait_for_board, wait_until


class Saver(Button):
    BINDINGS = [Binding("s", "save", "Save it")]


class Detail(Screen[None]):
    AUTO_FOCUS = ""
    BINDINGS = [Binding("escape", "app.pop_screen", "Back"), Binding("n", "noop", "Next")]

    def compose(self) -> ComposeResult:
        yield Label("detail")
        yield Saver("save")
        yield SteadyFooter()

    def action_noop(self) -> None:
        """Nothing: the key is there to be shown."""


class Host(App[None]):
    BINDINGS = [Binding("d", "open", "Detail")]

    def compose(self) -> ComposeResult:
        yield Label("home")
        yield SteadyFooter()

    def action_open(self) -> None:
        if not self.is_screen_installed("detail"):
            self.install_screen(Detail(), "detail")
        self.push_screen("detail")


def keys(app: App[None]) -> list[FooterKey]:
    return list(app.screen.query(FooterKey))


async def test_a_screen_shown_again_keeps_its_footer_keys() -> None:
    app = Host()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.press("d")
        await wait_until(pilot, lambda: keys(app) and "Back" in screen_text(pilot))
        first = keys(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: "home" in screen_text(pilot))
        await pilot.press("d")
        await wait_until(
            pilot, lambda: "Back" in screen_text(pilot) and "Next" in screen_text(pilot)
        )
        assert keys(app) == first  # the very same widgets: nothing rebuilt


async def test_new_keys_are_shown_when_the_bindings_change() -> None:
    app = Host()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.press("d")
        await wait_until(pilot, lambda: "Next" in screen_text(pilot))
        assert "Save it" not in screen_text(pilot)
        app.screen.query_one(Saver).focus()
        await wait_until(pilot, lambda: "Save it" in screen_text(pilot))
        app.screen.set_focus(None)
        await wait_until(pilot, lambda: "Save it" not in screen_text(pilot))


# -- only whole keys, and always the help ------------------------------------------------------


def test_keys_fit_in_order_and_the_kept_ones_always() -> None:
    assert keys_that_fit([5, 5, 5], [False, False, False], 12) == [True, True, False]
    # The kept key's room is taken first; a later, shorter key does not jump the queue.
    assert keys_that_fit([5, 9, 3, 4], [False, False, False, True], 14) == [
        True,
        False,
        False,
        True,
    ]
    assert keys_that_fit([5, 4], [False, True], 2) == [False, True]


def footer_keys_shown(app: App[None]) -> tuple[str, list[str], list[str]]:
    """The footer line as drawn, and the labels of the keys shown and hidden."""
    line = screen_text_lines(app)[-1]
    shown, hidden = [], []
    for key in app.screen.query(FooterKey):
        if key.has_class("-command-palette"):
            continue
        label = f"{key.key_display} {key.description}".strip()
        (shown if key.display else hidden).append(label)
    return line, shown, hidden


def screen_text_lines(app: App[None]) -> list[str]:
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


@pytest.mark.parametrize("size", [(80, 24), (40, 12)], ids=["80x24", "40x12"])
async def test_the_board_and_drill_down_footers_show_whole_keys_and_the_help_key(
    sample_db: Path, size: tuple[int, int]
) -> None:
    """At 80 columns the board's footer was cut after "Ex"; at 40 the help key was gone."""
    async with SsiApp(sample_db).run_test(size=size) as pilot:
        await wait_for_board(pilot)
        for back in ("", "esc Back"):
            await wait_until(pilot, lambda: screen_text_lines(pilot.app)[-1].endswith("palette"))
            await wait_until(pilot, lambda back=back: back in screen_text_lines(pilot.app)[-1])
            line, shown, hidden = footer_keys_shown(pilot.app)
            assert line.endswith("^p palette"), line
            assert "? Help" in shown and "? Help" in line
            if back:
                assert back in shown and back in line
            for label in shown:
                assert label in line, (label, line)
            for label in hidden:
                assert label not in line, (label, line)
            if size[0] == 80 and not back:
                assert hidden, "the board's keys do not all fit at 80 columns"
            await pilot.press("enter")
            await pilot.pause(0.2)
