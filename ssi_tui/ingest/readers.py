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
    frame = frame.with_columns(pl.Series(LINE, _record_lines(text, frame.height), pl.Int64))
    return RawTable(file, _without_blank_rows(frame))


def _record_lines(text: str, records: int) -> list[int] | range:
    """The file line on which each data record starts (the header is line 1).

    One line per record is the rule, and then this is a range; a quoted cell holding a line
    break shifts every later record, and only then are lines counted by a real CSV parse.
    """
    body_lines = text.count("\n") + (0 if text.endswith("\n") else 1) - 1
    if body_lines == records or '"' not in text:
        return range(2, records + 2)
    import csv

    reader = csv.reader(io.StringIO(text))
    next(reader, None)
    starts: list[int] = []
    previous_end = reader.line_num
    for _ in reader:
        starts.append(previous_end + 1)
        previous_end = reader.line_num
    if len(starts) < records:
        starts += range(previous_end + 1, previous_end + 1 + records - len(starts))
    return starts[:records]


def _without_blank_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """Drop records whose every cell is empty (blank lines, a trailing `,,,` row)."""
    cells = [c for c in frame.columns if c != LINE]
    if not cells:
        return frame
    blank = pl.all_horizontal(
        pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "") for c in cells
    )
    return frame.filter(~blank)
