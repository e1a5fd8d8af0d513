"""SteadyFooter: the keys of a screen shown again are the same widgets; new keys still show."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button, Label
from textual.widgets._footer import FooterKey

from ssi_tui.ui.widgets.steady_footer import SteadyFooter
from tests.ui.helpers import screen_text


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
        await pilot.pause()
        first = keys(app)
        assert first and "Back" in screen_text(pilot)
        await pilot.press("escape", "d")
        await pilot.pause()
        assert keys(app) == first  # the very same widgets: nothing rebuilt
        assert "Back" in screen_text(pilot) and "Next" in screen_text(pilot)


async def test_new_keys_are_shown_when_the_bindings_change() -> None:
    app = Host()
    async with app.run_test(size=(80, 10)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert "Save it" not in screen_text(pilot)
        app.screen.query_one(Saver).focus()
        await pilot.pause()
        assert "Save it" in screen_text(pilot)
        app.screen.set_focus(None)
        await pilot.pause()
        assert "Save it" not in screen_text(pilot)
