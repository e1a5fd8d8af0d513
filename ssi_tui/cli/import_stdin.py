"""`ssi-tui import DB -`: an export piped in, imported as a file named `(stdin)`.

Standard input is spooled to a temporary file named `(stdin)` (no suffix: the reader tells
CSV, JSON, JSON Lines and Excel apart by content), which then takes the ordinary path; the
import log names it `(stdin)`, and so does every message, instead of the temporary folder.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ssi_tui.cli.support import fail
from ssi_tui.errors import InvalidExportError, Problem

if TYPE_CHECKING:
    from ssi_tui.importing.import_report import ImportReport

STDIN = "-"
"""The PATH that means standard input."""
STDIN_NAME = "(stdin)"
"""What the import log and the messages call it."""
_EXAMPLE = "e.g. `ssi-tui import team.duckdb - < export.csv`"


@dataclass(frozen=True)
class Paths:
    """The PATHs to import, `-` replaced by the spooled file, and how to name that file."""

    paths: tuple[str, ...]
    spooled: str | None = None
    """The spooled file's full path, which messages show as `(stdin)`."""

    def shown(self, text: str) -> str:
        """TEXT with the spooled file's path as `(stdin)`."""
        return text if self.spooled is None else text.replace(self.spooled, STDIN_NAME)

    def report(self, report: ImportReport) -> ImportReport:
        """REPORT, its file names, problems and notices naming `(stdin)` (changed in place)."""
        for file_report in report.files:
            file_report.path = self.shown(file_report.path)
        report.problems = self.problems(report.problems)
        report.warnings = self.problems(report.warnings)
        report.notices = [self.shown(notice) for notice in report.notices]
        report.teams_not_applied = [self.shown(line) for line in report.teams_not_applied]
        return report

    def error(self, error: InvalidExportError) -> InvalidExportError:
        """ERROR with its problems naming `(stdin)`."""
        return error if self.spooled is None else InvalidExportError(self.problems(error.problems))

    def problems(self, problems: list[Problem]) -> list[Problem]:
        return [
            replace(p, file=self.shown(p.file), message=self.shown(p.message)) for p in problems
        ]


@contextmanager
def standard_input_spooled(paths: tuple[str, ...]) -> Iterator[Paths]:
    """PATHS with `-` standing for the bytes piped in, for as long as the import runs.

    An empty standard input, or a terminal (nothing piped), is an error that says how to pipe.
    """
    if STDIN not in paths:
        yield Paths(paths)
        return
    if sys.stdin.isatty():
        fail(f"{STDIN_NAME}: nothing is piped in; `-` reads an export from a pipe, {_EXAMPLE}.")
    data = sys.stdin.buffer.read()
    if not data.strip():
        fail(
            f"{STDIN_NAME}: standard input is empty; expected an export (CSV, JSON or Excel),"
            f" {_EXAMPLE}."
        )
    with tempfile.TemporaryDirectory(prefix="ssi-tui-stdin-") as folder:
        spooled = Path(folder).resolve() / STDIN_NAME
        spooled.write_bytes(data)
        yield Paths(tuple(str(spooled) if p == STDIN else p for p in paths), str(spooled))
