"""The project's own error types: what the CLI and the app turn into a clean message."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as the format allows."""

    file: str
    message: str
    line: int | None = None
    """1-based line in the file (the header is line 1), or record/row index for JSON/Excel."""
    column: str | None = None
    unit: str = "line"
    """What `line` counts: "line" (text files), "record" (JSON, 1-based) or "row" (a sheet)."""

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}" if self.unit == "line" else f": {self.unit} {self.line}"
        if self.column is not None:
            where += f": column '{self.column}'"
        return f"{where}: {self.message}"


class SsiError(Exception):
    """Base class of every error meant for the user rather than a traceback."""


class InvalidExportError(SsiError):
    """An export cannot be imported as it is; carries every problem found (file, line, column)."""

    MAX_SHOWN = 20

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.describe())

    def describe(self) -> str:
        """Up to MAX_SHOWN problems, one a line, then a count of the rest."""
        shown = [str(p) for p in self.problems[: self.MAX_SHOWN]]
        rest = len(self.problems) - len(shown)
        if rest > 0:
            shown.append(f"... and {rest} more problem{'s' if rest != 1 else ''}")
        return "\n".join(shown)


class DatabaseError(SsiError):
    """The database file is missing, foreign, too new, corrupt or busy."""
