"""The Textual driver of a served session: the web driver, bounded by what the server allows.

A resize beyond ssi_tui.web.limits is drawn at the limit (a 100000x100000 screen would grow the
process by ~140 MB/s), and the app exits when its input closes: when the server that feeds it
is gone, nobody can see the session any more.
"""

from __future__ import annotations

import os
import threading

from textual import messages
from textual.drivers.web_driver import WebDriver

from ssi_tui.web.limits import QUIT_GRACE_SECONDS, clamp_size

EXIT_AFTER_INPUT_CLOSED_SECONDS = 5 * QUIT_GRACE_SECONDS
"""Time an app whose input closed has to exit by itself before its process ends anyway."""


class ServedWebDriver(WebDriver):
    """WebDriver that clamps screen sizes and ends the app when its input ends."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if self._size is not None:  # from COLUMNS and ROWS
            self._size = clamp_size(*self._size)

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "resize":
            width, height = clamp_size(payload.get("width"), payload.get("height"))
            payload = {**payload, "width": width, "height": height}
        super().on_meta(packet_type, payload)

    def run_input_thread(self) -> None:
        try:
            super().run_input_thread()
        finally:
            if not self.exit_event.is_set():  # input closed, not a quit: the server is gone
                self._app.post_message(messages.ExitApp())
                timer = threading.Timer(EXIT_AFTER_INPUT_CLOSED_SECONDS, os._exit, args=(0,))
                timer.daemon = True
                timer.start()
