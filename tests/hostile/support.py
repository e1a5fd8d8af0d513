"""Shared tools of the hostile-input and reliability suites (issue #7).

Imported as `tests.hostile.support` by both suites: a logical dump of a database, a CLI run
that can never hang the test run, a small template database, and a minimal .xlsx writer
(no xlsx writer is installed; fastexcel only reads).
"""

from __future__ import annotations

import os
import shutil
import threading
import zipfile
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import duckdb
from click.testing import CliRunner, Result

HEADER = "date,rep_id,name,team,brand,people,insights,relationships,ssi"

TEMPLATE_ROWS = (
    "2026-05-04,ann@acme.example,Ann Ash,North,10,11,12,13,46",
    "2026-05-04,bob@acme.example,Bob Birch,South,5,6,7,8,26",
    "2026-05-04,cy@acme.example,Cy Cedar,North,20,20,20,20,80",
    "2026-05-11,ann@acme.example,Ann Ash,North,11,11,12,13,47",
    "2026-05-11,bob@acme.example,Bob Birch,South,6,6,7,8,27",
    "2026-05-11,cy@acme.example,Cy Cedar,North,20,21,20,20,81",
)

Dump = dict[str, list[tuple]]


def csv_text(*rows: str, header: str = HEADER) -> str:
    """A canonical export: HEADER, then ROWS, LF line ends."""
    return "\n".join([header, *rows]) + "\n"


def dump_db(path: Path) -> Dump:
    """The file's whole logical content: every table with every row, and every sequence.

    Opened read-only through DuckDB itself, so the dump never changes what it looks at.
    """
    conn = duckdb.connect(str(path), read_only=True)
    try:
        names = [
            n
            for (n,) in conn.execute(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = 'main' ORDER BY table_name"
            ).fetchall()
        ]
        content: Dump = {
            n: sorted(conn.execute(f'SELECT * FROM "{n}"').fetchall(), key=repr) for n in names
        }
        content["<sequences>"] = conn.execute(
            "SELECT sequence_name, last_value FROM duckdb_sequences() ORDER BY sequence_name"
        ).fetchall()
        return content
    finally:
        conn.close()


def fingerprint(path: Path) -> tuple[bytes, int]:
    """Bytes and modification time: 'not modified' made checkable."""
    return path.read_bytes(), os.stat(path).st_mtime_ns


def make_template(folder: Path) -> Path:
    """A small real database (3 reps, 2 weeks) imported through the product's importer."""
    from ssi_tui.importing.importer import run_import

    folder.mkdir(parents=True, exist_ok=True)
    export = folder / "template.csv"
    export.write_text(csv_text(*TEMPLATE_ROWS), encoding="utf-8")
    db = folder / "team.duckdb"
    run_import(db, [export])
    return db


def copy_db(template: Path, folder: Path, name: str = "team.duckdb") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / name
    shutil.copyfile(template, db)
    return db


class Hung(AssertionError):
    """The command did not finish within its time limit."""


def run_cli(args: Sequence[str | Path], *, timeout: float = 30.0) -> Result:
    """`ssi-tui ARGS...` in-process (click's CliRunner), failing the test if it hangs.

    The command runs in a daemon thread and is waited for with a timeout: a parser stuck in
    native code cannot be interrupted, but it can no longer stall the suite.
    """
    from ssi_tui.cli.main import cli

    box: dict[str, Result] = {}

    def target() -> None:
        box["result"] = CliRunner().invoke(cli, [str(a) for a in args])

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        raise Hung(f"ssi-tui {' '.join(map(str, args))} did not finish in {timeout} s")
    return box["result"]


# -- a minimal .xlsx ----------------------------------------------------------------------------

XlsxCell = str | int | float | tuple[str, str | int | float] | None
"""A value, or (formula, cached value) for a formula cell."""


def _letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _cell(ref: str, value: XlsxCell) -> str:
    if value is None:
        return ""
    if isinstance(value, tuple):
        formula, cached = value
        kind = ' t="str"' if isinstance(cached, str) else ""
        return f'<c r="{ref}"{kind}><f>{escape(formula)}</f><v>{escape(str(cached))}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value!r}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(value)}</t></is></c>'


def write_xlsx(path: Path, rows: Sequence[Sequence[XlsxCell]]) -> Path:
    """A one-sheet workbook named 'Sheet1' holding ROWS from A1."""
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    pkg = "http://schemas.openxmlformats.org/package/2006"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    body = "".join(
        f'<row r="{r}">'
        + "".join(_cell(f"{_letters(c)}{r}", v) for c, v in enumerate(row))
        + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    parts = {
        "[Content_Types].xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{pkg}/content-types">'
            '<Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{ct}.worksheet+xml"/>'
            "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">'
            '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{pkg}/relationships">'
            f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}">'
            f"<sheetData>{body}</sheetData></worksheet>"
        ),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path
