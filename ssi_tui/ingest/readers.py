"""Reading an export file into a frame of text cells with the file line of every row.

read_export dispatches on the suffix: delimited text (any dialect, see dialect.py), JSON and
JSON Lines (json_reader.py) or Excel (excel.py); a long export of any of them (one metric per
row) is pivoted to wide (long_format.py). Whatever the format, validation sees the same thing.
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

import polars as pl

from ssi_tui.errors import InvalidExportError, Problem
from ssi_tui.ingest import dialect, long_format
from ssi_tui.ingest.columns import LINE
from ssi_tui.ingest.header_map import HeaderMap
from ssi_tui.ingest.headers import canonical_name

TEXT_SUFFIXES: tuple[str, ...] = (".csv", ".tsv", ".txt")
JSON_SUFFIXES: tuple[str, ...] = (".json",)
JSON_LINES_SUFFIXES: tuple[str, ...] = (".jsonl", ".ndjson")
EXCEL_SUFFIXES: tuple[str, ...] = (".xlsx",)
SUPPORTED_SUFFIXES: tuple[str, ...] = (
    *TEXT_SUFFIXES,
    *JSON_SUFFIXES,
    *JSON_LINES_SUFFIXES,
    *EXCEL_SUFFIXES,
)


@dataclass(frozen=True)
class RawTable:
    """An export as text: every cell a string, plus LINE (1-based line in the file)."""

    file: str
    frame: pl.DataFrame
    decimal_comma: bool = False
    """`20,998` means 20.998: true wherever commas do not separate fields (JSON, Excel, `;`)."""
    unit: str = "line"
    """What LINE counts: "line", "record" (JSON) or "row" (a sheet); see errors.Problem."""
    cells: pl.DataFrame | None = None
    """For a pivoted long export, the line each cell came from (long_format.widen)."""
    mapped: frozenset[str] = frozenset()
    """The headers of the --map that this file has (as the mapping spells them)."""
    notices: tuple[str, ...] = ()
    """What reading decided that the user should hear (headers the mapping overrides)."""
    header_line: int | None = 1
    """Where a problem with the headers is located: None in JSON, whose keys are in every
    record (`record 1` would blame the first record)."""

    def locate(self, problems: list[Problem]) -> list[Problem]:
        """Validation's problems in this table's terms: the right line, the right unit."""
        if self.cells is not None:
            problems = long_format.relocate(problems, self.cells)
        if self.unit != "line":
            problems = [replace(p, unit=self.unit) for p in problems]
        return problems


def read_export(
    path: Path, data: bytes, *, sheet: str | None = None, header_map: HeaderMap | None = None
) -> RawTable:
    """Parse the bytes of PATH by its suffix; SHEET picks an Excel workbook's sheet, HEADER_MAP
    (--map) names headers explicitly, whatever the format."""
    header_map = header_map or HeaderMap()
    table = _read_table(path, data, sheet=sheet)
    return _widened(_mapped(table, header_map), header_map)


def suffix_from_content(data: bytes, file: str) -> str:
    """The suffix a file without one (standard input, `export`) would have, from its content: a
    workbook is a zip, JSON starts with `[` or `{` (JSON Lines: a record a line), else text."""
    if data.startswith(b"PK\x03\x04"):  # a zip, as every .xlsx is
        return EXCEL_SUFFIXES[0]
    text = dialect.decode(data, file)[0].lstrip()
    if text.startswith("["):
        return JSON_SUFFIXES[0]
    if text.startswith("{"):
        import json

        try:
            json.loads(text)
        except ValueError:
            return JSON_LINES_SUFFIXES[0]
        return JSON_SUFFIXES[0]
    return TEXT_SUFFIXES[0]


def _read_table(path: Path, data: bytes, *, sheet: str | None) -> RawTable:
    """The file's cells as text, by its suffix (or content, when it has none), as its headers
    say."""
    file = str(path)
    suffix = path.suffix.lower() or suffix_from_content(data, file)
    if suffix in EXCEL_SUFFIXES:
        from ssi_tui.ingest.excel import ROW, read_xlsx

        frame = read_xlsx(data, file, sheet=sheet)
        return RawTable(file, frame, decimal_comma=True, unit=ROW)
    if suffix in JSON_SUFFIXES or suffix in JSON_LINES_SUFFIXES:
        from ssi_tui.ingest import json_reader

        text, _encoding = dialect.decode(data, file)
        if not text.strip():
            raise InvalidExportError([Problem(file, "the file is empty; expected JSON records")])
        if suffix in JSON_SUFFIXES:
            frame, unit = json_reader.read_json(text, file), json_reader.RECORD
        else:
            frame, unit = json_reader.read_json_lines(text, file), "line"
        return RawTable(file, frame, decimal_comma=True, unit=unit, header_line=None)
    return _read_delimited(path, data)


def _mapped(table: RawTable, header_map: HeaderMap) -> RawTable:
    """TABLE with the headers HEADER_MAP names renamed to our columns.

    A header the alias table would give one of those columns is dropped, with a notice: the
    mapping says which header holds it. In a long export, metric names are headers too.
    """
    if not header_map:
        return table
    file = table.file
    headers = [c for c in table.frame.columns if c != LINE]
    renamed = {h: column for h in headers if (column := header_map.column_for(h)) is not None}
    seen = {header_map.header_for(h) for h in renamed}
    found = long_format.long_columns(headers)
    if found is not None and found[0] not in renamed:
        names = table.frame.get_column(found[0]).drop_nulls().unique().to_list()
        seen |= {header_map.header_for(str(n)) for n in names}
    claimed: dict[str, list[str]] = {}
    for header, column in renamed.items():
        claimed.setdefault(column, []).append(header)
    several = [
        Problem(
            file,
            f"several columns are mapped to '{c}': {', '.join(hs)}; expected one",
            line=table.header_line,
        )
        for c, hs in claimed.items()
        if len(hs) > 1
    ]
    if several:
        raise InvalidExportError(several)
    overridden = [h for h in headers if h not in renamed and canonical_name(h) in claimed]
    notices = tuple(
        f"{file}: ignored column '{h}': --map gives '{canonical_name(h)}'"
        f" to '{claimed[canonical_name(h) or ''][0]}'"
        for h in overridden
    )
    frame = table.frame.drop(overridden).rename(renamed)
    return replace(
        table,
        frame=frame,
        mapped=frozenset(h for h in seen if h is not None),
        notices=table.notices + notices,
    )


_RENAMED_REPEAT = re.compile(r"^(.*?)(?:_duplicated_\d+|_\d+)$")
"""How parsers rename a repeated header: Polars' CSV `brand_duplicated_0`, calamine `brand_1`."""


def _refuse_repeated_headers(table: RawTable) -> None:
    """Two columns with the same header we read cannot both be right: refuse, never pick one.

    The parsers rename the second `brand` so the frame stays valid, which would otherwise make
    it an unknown column, silently ignored.
    """
    columns = set(table.frame.columns)
    long_headers = {*long_format.METRIC_HEADERS, *long_format.VALUE_HEADERS}
    repeated = sorted(
        {
            base
            for column in columns
            if (found := _RENAMED_REPEAT.match(column))
            and (base := found.group(1)) in columns
            and (canonical_name(base) is not None or base.strip().lower() in long_headers)
        }
    )
    if repeated:
        raise InvalidExportError(
            [
                Problem(
                    table.file,
                    f"several columns are named '{name}'; expected each once",
                    line=table.header_line,
                )
                for name in repeated
            ]
        )


def _widened(table: RawTable, header_map: HeaderMap | None = None) -> RawTable:
    """TABLE itself, or its wide form when it is a long export (one metric per row)."""
    _refuse_repeated_headers(table)
    found = long_format.long_columns(table.frame.columns)
    if found is None:
        return table
    wide, cells = long_format.widen(
        table.frame, table.file, *found, unit=table.unit, header_map=header_map
    )
    return replace(table, frame=wide, cells=cells)


def _read_delimited(path: Path, data: bytes) -> RawTable:
    """Delimited text in any dialect dialect.py detects, header on line 1."""
    file = str(path)
    default = "\t" if path.suffix.lower() == ".tsv" else ","
    text, found = dialect.detect(data, file, default_delimiter=default)
    if not text or text.isspace():  # `not text.strip()`, without copying a big file's text
        raise InvalidExportError([Problem(file, "the file is empty; expected a CSV with a header")])
    separator = found.delimiter
    # Polars reads UTF-8 bytes: hand it the file's own bytes when they are exactly the text's
    # UTF-8 (far faster, and smaller, than a StringIO of a big file's text).
    source: bytes | io.StringIO
    if found.encoding == "utf-8":
        source = data
    elif found.encoding == "utf-8-sig":
        source = data[len(codecs.BOM_UTF8) :]
    else:
        source = io.StringIO(text)
    try:
        frame = pl.read_csv(
            source,
            separator=separator,
            infer_schema=False,
            has_header=True,
        )
    except (pl.exceptions.PolarsError, ValueError) as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else "unreadable"
        raise InvalidExportError([Problem(file, f"cannot be read as CSV ({first_line})")]) from None
    frame = frame.with_columns(
        pl.Series(LINE, _record_lines(text, frame.height, separator), pl.Int64)
    )
    return RawTable(file, _without_blank_rows(frame), decimal_comma=found.decimal_comma)


def _record_lines(text: str, records: int, delimiter: str = ",") -> list[int] | range:
    """The file line on which each data record starts (the header is line 1).

    One line per record is the rule, and then this is a range; a quoted cell holding a line
    break shifts every later record, and only then are lines counted by a real CSV parse.
    """
    body_lines = text.count("\n") + (0 if text.endswith("\n") else 1) - 1
    if body_lines == records or '"' not in text:
        return range(2, records + 2)
    import csv

    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    next(reader, None)
    starts: list[int] = []
    previous_end = reader.line_num
    try:
        for _ in reader:
            starts.append(previous_end + 1)
            previous_end = reader.line_num
    except csv.Error:  # e.g. a lone CR in an unquoted cell, which Polars reads as text
        return range(2, records + 2)
    if len(starts) < records:
        starts += range(previous_end + 1, previous_end + 1 + records - len(starts))
    return starts[:records]


def _without_blank_rows(frame: pl.DataFrame) -> pl.DataFrame:
    """Drop records whose every cell is empty (blank lines, a trailing `,,,` row)."""
    cells = [c for c in frame.columns if c != LINE]
    if not cells:
        return frame
    columns = [frame.get_column(c) for c in cells]
    if all(column.dtype == pl.String for column in columns):
        for column in columns:
            # A column with no empty cell (judged on its distinct values): no row is blank.
            if column.null_count() == 0 and not (column.unique().str.strip_chars() == "").any():
                return frame
    blank = pl.all_horizontal(
        pl.col(c).is_null() | (pl.col(c).str.strip_chars() == "") for c in cells
    )
    return frame.filter(~blank)
