"""One browser tab's app process: started without a shell, in its own process group, and always
ended when the tab goes (asked to quit, then SIGTERM, then SIGKILL)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import Sequence

from textual_serve.app_service import AppService

from ssi_tui.web.limits import QUIT_GRACE_SECONDS, TERM_GRACE_SECONDS, clamp_size

SERVED_DRIVER = "ssi_tui.web.served_driver:ServedWebDriver"
"""The Textual driver of a served session (clamps sizes, exits when its input closes)."""
HIDDEN_FROM_SESSIONS = ("SSI_TUI_SERVE_TOKEN",)
"""Environment variables a session's process does not need to see."""


class ViewerSession(AppService):
    """textual-serve's AppService, run from an argument list, with a stop that cannot hang."""

    def __init__(self, argv: Sequence[str], **kwargs: object) -> None:
        super().__init__(" ".join(argv), **kwargs)  # type: ignore[arg-type]
        self.argv = tuple(argv)

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        width, height = clamp_size(width, height)
        environment = super()._build_environment(width, height)
        environment["TEXTUAL_DRIVER"] = SERVED_DRIVER
        environment.pop("TEXTUAL", None)  # no devtools connection from a served session
        for name in HIDDEN_FROM_SESSIONS:
            environment.pop(name, None)
        return environment

    async def _open_app_process(
        self, width: int = 80, height: int = 24
    ) -> asyncio.subprocess.Process:
        environment = self._build_environment(width, height)
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=environment,
            start_new_session=True,  # its own process group: SIGKILL reaches every child
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        """The app process's id (None before it started)."""
        return self._process.pid if self._process is not None else None

    async def set_terminal_size(self, width: int, height: int) -> None:
        await super().set_terminal_size(*clamp_size(width, height))

    async def stop(self) -> None:
        """End the process however it behaves: quit, else SIGTERM, else SIGKILL."""
        process = self._process
        if process is None:
            return
        with contextlib.suppress(Exception):
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
        if process.returncode is None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.send_meta({"type": "quit"}), QUIT_GRACE_SECONDS)
            if not await _exited(process, QUIT_GRACE_SECONDS):
                _signal_group(process.pid, signal.SIGTERM)
                if not await _exited(process, TERM_GRACE_SECONDS):
                    _signal_group(process.pid, signal.SIGKILL)
                    await _exited(process, TERM_GRACE_SECONDS)
        if process.stdin is not None:
            with contextlib.suppress(Exception):
                process.stdin.close()
        task, self._task = self._task, None
        if task is not None and not await _finished(task, TERM_GRACE_SECONDS):
            task.cancel()
            with contextlib.suppress(BaseException):
                await task


async def _exited(process: asyncio.subprocess.Process, seconds: float) -> bool:
    try:
        await asyncio.wait_for(process.wait(), seconds)
    except TimeoutError:
        return False
    return True


async def _finished(task: asyncio.Task[None], seconds: float) -> bool:
    done, _pending = await asyncio.wait({task}, timeout=seconds)
    return bool(done)


def _signal_group(pid: int, sig: signal.Signals) -> None:
    """SIG to the process group PID leads (the session's process and any children)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        if hasattr(os, "killpg"):
            os.killpg(pid, sig)
        else:  # pragma: no cover - Windows has no process groups to signal
            os.kill(pid, signal.SIGTERM)
