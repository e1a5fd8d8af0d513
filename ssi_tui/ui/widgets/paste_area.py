"""The entry form's "Paste the SSI page" box: a copied SSI page in, the form's fields out.

Whatever lands in the box (a terminal paste, ctrl+v, typing) is read in a worker
(ingest/ssi_page.py); the box then says what it read and what it could not find, literally,
and posts `PasteArea.Read` for the form to fill its fields with. A page pasted while a one-line
field has the focus (`PageInput`) lands in the box too, rather than cut to its first line.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static, TextArea

from ssi_tui.ingest.ssi_page import SsiPage, read_ssi_page
from ssi_tui.text import printable

PLACEHOLDER = "Select all on linkedin.com/sales/ssi, copy, and paste here."


class _PageText(TextArea):
    """The box itself: a paste replaces what it held (one page at a time, never two mixed)."""

    async def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # TextArea's own handler would insert it at the cursor
        self.load_text(event.text)  # which says Changed


class PasteArea(Vertical):
    """A TextArea for the pasted page and, under it, the line saying what was read."""

    DEFAULT_CSS = """
    PasteArea { height: auto; }
    PasteArea TextArea { height: 3; }
    PasteArea #paste-read { color: $text-muted; height: auto; }
    PasteArea.unreadable #paste-read { color: $error; }
    """

    class Read(Message):
        """The pasted text was read: PAGE holds the values found (the form fills its fields)."""

        def __init__(self, page: SsiPage) -> None:
            self.page = page
            super().__init__()

    class _Parsed(Message):
        def __init__(self, text: str, page: SsiPage) -> None:
            self.text, self.page = text, page
            super().__init__()

    def compose(self) -> ComposeResult:
        area = _PageText(id="paste-text", soft_wrap=True, show_line_numbers=False)
        area.placeholder = PLACEHOLDER
        area.border_title = "Paste the SSI page"
        yield area
        yield Static("", id="paste-read")

    @property
    def text(self) -> str:
        """What the box holds."""
        return self.query_one("#paste-text", TextArea).text

    def take(self, text: str) -> None:
        """Put TEXT, a pasted page, in the box (replacing what it held) and read it."""
        self.query_one("#paste-text", _PageText).load_text(text)  # which says Changed

    def clear(self) -> None:
        """Empty the box and its line (the form, after saving, is ready for the next rep)."""
        self.query_one("#paste-text", TextArea).clear()
        self._show(None)

    @on(TextArea.Changed, "#paste-text")
    def _pasted(self, event: TextArea.Changed) -> None:
        event.stop()
        text = event.text_area.text
        if not text.strip():
            self._show(None)
            return
        self._read(text)

    @work(thread=True, exclusive=True, group="paste-read")
    def _read(self, text: str) -> None:
        self.post_message(self._Parsed(text, read_ssi_page(text)))

    def on_paste_area__parsed(self, message: PasteArea._Parsed) -> None:
        message.stop()
        if message.text != self.text:
            return  # the box changed since: its own reading follows
        self._show(message.page)
        self.post_message(self.Read(message.page))

    def _show(self, page: SsiPage | None) -> None:
        line = "" if page is None else page.describe()
        self.set_class(page is not None and not page.is_snapshot, "unreadable")
        self.query_one("#paste-read", Static).update(Text(printable(line)))


class PageInput(Input):
    """A one-line form field that hands a paste of several lines (a copied SSI page, which the
    field would cut to its first line) to its screen's paste box; one line it takes itself."""

    def _on_paste(self, event: events.Paste) -> None:
        boxes = self.screen.query(PasteArea)
        # Terminals send a paste's line breaks as CR, some as LF or CRLF: splitlines knows all.
        if len(event.text.strip().splitlines()) < 2 or not boxes:
            return  # Input's own handler types it in
        event.stop()
        event.prevent_default()
        boxes.first().take(event.text)
