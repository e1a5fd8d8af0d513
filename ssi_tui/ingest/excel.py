"""Excel workbooks (`.xlsx`): the first sheet, or the one named by `--sheet`.

Read through Polars' calamine engine (the fastexcel package), every cell as text like a CSV
cell, with LINE holding each row's number in the sheet as Excel shows it, so a problem says
"row 7" and row 7 is where the user looks.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.etree import ElementTree

import polars as pl

from ssi_tui.errors import InvalidExportError, Problem

LINE = "__line__"
ROW = "row"

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Old binary .xls workbooks: calamine reads them too."""
_CELL_ROW = re.compile(r"(\d+)$")


def read_xlsx(data: bytes, file: str, *, sheet: str | None = None) -> pl.DataFrame:
    """The sheet's cells as text, LINE being the sheet row number."""
    if not data.startswith((_ZIP_MAGIC, _OLE_MAGIC)):
        raise InvalidExportError([Problem(file, _not_a_workbook(data))])
    try:
        import fastexcel
    except ImportError:
        raise InvalidExportError(
            [Problem(file, "reading .xlsx needs the fastexcel package (pip install fastexcel)")]
        ) from None
    try:
        names = fastexcel.read_excel(data).sheet_names
    except Exception as error:  # calamine raises its own types for any unreadable workbook
        raise InvalidExportError(
            [Problem(file, f"cannot be read as an Excel workbook ({_first_line(error)})")]
        ) from None
    name = _pick_sheet(names, sheet, file)
    try:
        frame = pl.read_excel(
            data,
            sheet_name=name,
            engine="calamine",
            read_options={"dtypes": "string"},
            drop_empty_rows=False,
            drop_empty_cols=False,
        )
    except pl.exceptions.NoDataError:
        others = ", ".join(f"'{n}'" for n in names if n != name)
        hint = f"; pass --sheet NAME to read another ({others})" if others else ""
        raise InvalidExportError([Problem(file, f"sheet '{name}' is empty{hint}")]) from None
    except Exception as error:
        raise InvalidExportError(
            [Problem(file, f"sheet '{name}' cannot be read ({_first_line(error)})")]
        ) from None
    header_row = _first_used_row(data, names.index(name))
    frame = frame.with_columns(pl.all().cast(pl.String)).with_row_index(LINE, offset=header_row + 1)
    values = [c for c in frame.columns if c != LINE]
    not_blank = pl.any_horizontal(pl.col(values).str.strip_chars().fill_null("") != "")
    return frame.with_columns(pl.col(LINE).cast(pl.Int64)).filter(not_blank)


def _pick_sheet(names: list[str], wanted: str | None, file: str) -> str:
    """The sheet to read: WANTED (exactly, else ignoring case), or the first one."""
    if not names:
        raise InvalidExportError([Problem(file, "the workbook has no sheets")])
    if wanted is None:
        return names[0]
    if wanted in names:
        return wanted
    folded = [n for n in names if n.casefold() == wanted.casefold()]
    if len(folded) == 1:
        return folded[0]
    listed = ", ".join(f"'{n}'" for n in names)
    raise InvalidExportError(
        [Problem(file, f"no sheet named '{wanted}'; the workbook's sheets are {listed}")]
    )


def _first_used_row(data: bytes, index: int) -> int:
    """The sheet row of the first cell holding a value (calamine starts there), else 1.

    Read from the sheet's XML, stopping at that cell, because calamine reports rows relative
    to the first used one and a sheet may start lower than row 1.
    """
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
            sheets = workbook.findall(f"{main}sheets/{main}sheet")
            rel_id = sheets[index].get(f"{rel}id")
            rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
            target = next(r.get("Target", "") for r in rels if r.get("Id") == rel_id)
            path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            with archive.open(path) as part:
                for _event, element in ElementTree.iterparse(part):
                    if element.tag == f"{main}c" and (
                        element.find(f"{main}v") is not None
                        or element.find(f"{main}is") is not None
                    ):
                        match = _CELL_ROW.search(element.get("r", ""))
                        return int(match.group(1)) if match else 1
    except (KeyError, IndexError, StopIteration, zipfile.BadZipFile, ElementTree.ParseError):
        return 1
    return 1


def _not_a_workbook(data: bytes) -> str:
    """Why bytes named .xlsx are not one, saying what they look like instead."""
    text = data[:4096].decode("utf-8", errors="replace")
    if text.strip() and "\x00" not in text and any(d in text for d in (",", ";", "\t", "|")):
        return "not an Excel workbook: it holds text (a CSV export?); name it .csv to import it"
    return "not an Excel workbook (.xlsx); expected a file saved by Excel as .xlsx"


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
