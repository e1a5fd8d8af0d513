"""Reading an export file into a frame of text cells with the file line of every row."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from ssi_tui.errors import InvalidExportError, Problem
from ssi_tui.ingest.validate import LINE

SUPPORTED_SUFFIXES: tuple[str, ...] = (".csv", ".tsv", ".txt")


@dataclass(frozen=True)
class RawTable:
    """An export as text: every cell a string, plus LINE (1-based line in the file)."""

    file: str
    frame: pl.DataFrame


def read_export(path: Path, data: bytes) -> RawTable:
    """Parse the bytes of PATH as a delimited text export (UTF-8, header on line 1)."""
    file = str(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InvalidExportError(
            [Problem(file, "not valid UTF-8 text; expected a CSV export", line=line)]
        ) from None
    if not text.strip():
        raise InvalidExportError([Problem(file, "the file is empty; expected a CSV with a header")])
    separator = "\t" if path.suffix.lower() == ".tsv" else ","
    try:
        frame = pl.read_csv(
            io.StringIO(text),
            separator=separator,
            infer_schema=False,
            has_header=True,
        )
    except (pl.exceptions.PolarsError, ValueError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else "unreadable"
        raise InvalidExportError([Problem(file, f"cannot be read as CSV ({first_line})")]) from None
    frame = frame.with_row_index(LINE, offset=2).with_columns(pl.col(LINE).cast(pl.Int64))
    return RawTable(file, frame)
