"""Helpers of the "imports from the wild" tests (issue #6): import, read back, write xlsx.

No xlsx writer is installed (fastexcel/calamine only read), so `write_xlsx` builds the few
XML parts of a minimal workbook with zipfile: inline strings, numbers and real date cells.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import duckdb
import pytest

from ssi_tui.errors import InvalidExportError, Problem
from ssi_tui.importing.importer import run_import
from ssi_tui.importing.options import ImportOptions

WILD = Path(__file__).resolve().parents[2] / "fixtures" / "wild"

Cell = str | int | float | dt.date | None

SNAPSHOT_SQL = (
    "SELECT r.name, s.snapshot_date::VARCHAR, s.ssi, s.brand, s.people, s.insights,"
    " s.relationships, s.industry_rank, s.network_rank, s.industry_avg, s.network_avg"
    " FROM snapshots s JOIN reps r USING (rep_id) ORDER BY s.snapshot_date, r.name"
)


def snapshots(db: Path) -> list[tuple]:
    """Every snapshot as (name, date, ssi, 4 pillars, 2 ranks, 2 averages), read-only."""
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return conn.execute(SNAPSHOT_SQL).fetchall()
    finally:
        conn.close()


def imported(tmp_path: Path, *files: Path, **options: object) -> list[tuple]:
    """Import FILES into a new database and return its snapshots."""
    db = tmp_path / "wild.duckdb"
    run_import(db, list(files), ImportOptions(**options))  # type: ignore[arg-type]
    return snapshots(db)


def refused(tmp_path: Path, *files: Path, **options: object) -> list[Problem]:
    """The problems of an import that must be refused; the database must not appear."""
    db = tmp_path / "refused.duckdb"
    with pytest.raises(InvalidExportError) as caught:
        run_import(db, list(files), ImportOptions(**options))  # type: ignore[arg-type]
    assert not db.exists()
    return caught.value.problems


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _cell_xml(ref: str, value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        serial = (value - dt.date(1899, 12, 30)).days
        return f'<c r="{ref}" s="1"><v>{serial}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def _sheet_xml(rows: Sequence[Sequence[Cell]], first_row: int) -> str:
    body = "".join(
        f'<row r="{r}">'
        + "".join(_cell_xml(f"{_column_letters(c)}{r}", v) for c, v in enumerate(row))
        + "</row>"
        for r, row in enumerate(rows, start=first_row)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{body}</sheetData></worksheet>"
    )


def write_xlsx(
    path: Path, sheets: dict[str, Sequence[Sequence[Cell]]], *, first_row: int = 1
) -> Path:
    """A minimal .xlsx with one worksheet per entry, rows starting at FIRST_ROW."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    sheet_type = f"{rel}/worksheet"
    names = list(sheets)
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(names) + 1)
    )
    content_types = (
        f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{pkg}/content-types">'
        '<Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        f"{overrides}</Types>"
    )
    root_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
        "</Relationships>"
    )
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets>'
        + "".join(
            f'<sheet name="{escape(n)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, n in enumerate(names, start=1)
        )
        + "</sheets></workbook>"
    )
    workbook_rels = (
        f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}/relationships">'
        + "".join(
            f'<Relationship Id="rId{i}" Type="{sheet_type}" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(names) + 1)
        )
        + f'<Relationship Id="rId{len(names) + 1}" Type="{rel}/styles" Target="styles.xml"/>'
        + "</Relationships>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{main}">'
        '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills>'
        '<borders count="1"><border/></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
        '<cellXfs count="2"><xf numFmtId="0" xfId="0"/>'
        '<xf numFmtId="14" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", root_rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        archive.writestr("xl/styles.xml", styles)
        for i, name in enumerate(names, start=1):
            archive.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(sheets[name], first_row))
    return path
