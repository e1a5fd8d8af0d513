"""Hostile inputs through `ssi-tui import` (issue #7): never a traceback, a hang or a half import.

Every case is generated in tmp_path from the table below and imported into a copy of a real
database through the CLI (in-process, under a time limit). An "error" case must exit 1 with
a message naming the file, print no traceback and no raw control character, and leave the
database's whole logical content (every table, every row, every sequence) and its folder
exactly as they were. An "ok" case must import, and its check says what "right" means (names
are data: markup, formulas, escapes and paths are stored literally).
"""

from __future__ import annotations

import inspect
import json
import os
import random
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.hostile.support import (
    HEADER,
    Dump,
    copy_db,
    csv_text,
    dump_db,
    make_template,
    run_cli,
    write_xlsx,
)

ROW = "2026-06-01,zed@acme.example,Zed Zinc,West,10,10,10,10,40"
"""A valid row for a new rep on a new date: any import that keeps it changed the database."""

MAX_MESSAGE_LINE = 2_000
"""No line of an error report may be longer than this, whatever a cell holds."""


def rows(*lines: str, header: str = HEADER) -> bytes:
    return csv_text(*lines, header=header).encode()


def name_row(name: str) -> bytes:
    """A valid export whose one rep is called NAME (CSV-quoted)."""
    quoted = '"' + name.replace('"', '""') + '"'
    return rows(f"2026-06-01,,{quoted},West,10,10,10,10,40")


def json_bytes(value: object) -> bytes:
    return json.dumps(value).encode()


RECORD = {
    "date": "2026-06-01",
    "name": "Zed Zinc",
    "brand": 10,
    "people": 10,
    "insights": 10,
    "relationships": 10,
}


def nested(depth: int) -> str:
    return "[" * depth + "1" + "]" * depth


# -- builders that need the folder (special files, workbooks) --------------------------------


def fifo(folder: Path, name: str) -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


def dev_zero(folder: Path, name: str) -> Path:
    path = folder / name
    path.symlink_to("/dev/zero")
    return path


def folder_of_fifos(folder: Path, name: str) -> Path:
    """A folder holding only a named pipe called .csv: reading it would block forever."""
    path = folder / name
    path.mkdir()
    os.mkfifo(path / "pipe.csv")
    return path


def truncated_workbook(folder: Path, name: str) -> Path:
    whole = write_xlsx(folder / "whole.xlsx", [HEADER.split(","), ROW.split(",")])
    path = folder / name
    path.write_bytes(whole.read_bytes()[:300])
    whole.unlink()
    return path


def zip_not_workbook(folder: Path, name: str) -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return path


def workbook_with_a_repeated_header(folder: Path, name: str) -> Path:
    """Two `brand` columns: calamine renames the second `brand_1`, which must not be ignored."""
    return write_xlsx(folder / name, [[*HEADER.split(","), "brand"], [*ROW.split(","), "11"]])


def workbook_with_formulas(folder: Path, name: str) -> Path:
    """Formula cells: only the cached values are read, nothing is evaluated."""
    return write_xlsx(
        folder / name,
        [
            HEADER.split(","),
            [
                "2026-06-01",
                None,
                ('"=HYPER"&"LINK(1)"', "=HYPERLINK(1)"),
                "West",
                ("5+5", 10),
                10,
                10,
                10,
                ("SUM(E2:H2)", 40),
            ],
        ],
    )


# -- checks of "ok" cases ------------------------------------------------------------------------


def names(dump: Dump) -> set[str]:
    return {row[1] for row in dump["reps"]}


def stores_name(name: str) -> Callable[[Dump, Dump], None]:
    def check(before: Dump, after: Dump) -> None:
        assert names(after) - names(before) == {name}
        assert len(after["snapshots"]) == len(before["snapshots"]) + 1

    return check


def stores_nothing_new(before: Dump, after: Dump) -> None:
    assert after["snapshots"] == before["snapshots"]
    assert after["reps"] == before["reps"]


def stores_megabyte_name(before: Dump, after: Dump) -> None:
    [new] = names(after) - names(before)
    assert new == "M" * 1_000_000


def stores_row(before: Dump, after: Dump) -> None:
    assert names(after) - names(before) == {"Zed Zinc"}


def sql_survives(before: Dump, after: Dump) -> None:
    assert set(after) == set(before)
    stores_name("Robert'); DROP TABLE snapshots;--")(before, after)


def path_name_is_data(before: Dump, after: Dump) -> None:
    stores_name("../../etc/passwd")(before, after)
    [rep_id] = {row[0] for row in after["reps"]} - {row[0] for row in before["reps"]}
    assert "/" not in rep_id and ".." not in rep_id  # a slug, never a path


def formulas_cached_values(before: Dump, after: Dump) -> None:
    stores_name("=HYPERLINK(1)")(before, after)
    [new] = [s for s in after["snapshots"] if s not in before["snapshots"]]
    assert new[3:8] == (40.0, 10.0, 10.0, 10.0, 10.0)


# -- the table ------------------------------------------------------------------------------------

Build = Callable[[], bytes] | Callable[[Path, str], Path]


@dataclass(frozen=True)
class Case:
    id: str
    file: str
    build: Build
    check: Callable[[Dump, Dump], None] | None = None
    """None: the import must be refused. Else: it must succeed, and CHECK(before, after)."""
    says: str = ""
    """Words the error message must contain (besides the file name)."""


_rng = random.Random(7)
BINARY = _rng.randbytes(4096)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _rng.randbytes(200)

CASES: tuple[Case, ...] = (
    # empty and almost empty
    Case("empty", "empty.csv", lambda: b"", says="empty"),
    Case("blank-lines", "blank.csv", lambda: b"\n\n   \n\t\n", says="empty"),
    Case("crlf-only", "crlf.csv", lambda: b"\r\n\r\n\r\n", says="empty"),
    Case("bom-only", "bom.csv", lambda: b"\xef\xbb\xbf", says="empty"),
    Case("header-only", "header.csv", lambda: rows(), check=stores_nothing_new),
    Case("delimiters-only", "commas.csv", lambda: b",,,,,\n,,,,,\n", says="column"),
    Case("one-unknown-column", "one.csv", lambda: b"hello\nworld\n", says="no 'date' column"),
    # binary and wrong formats
    Case("binary", "random.csv", lambda: BINARY, says="binary"),
    Case("png-as-csv", "photo.csv", lambda: PNG, says="not valid UTF-8"),
    Case("csv-renamed-xlsx", "team.xlsx", lambda: rows(ROW), says="name it .csv"),
    Case("zip-not-workbook", "archive.xlsx", zip_not_workbook, says="Excel workbook"),
    Case("truncated-workbook", "cut.xlsx", truncated_workbook, says="Excel workbook"),
    Case("xlsx-formulas", "formulas.xlsx", workbook_with_formulas, check=formulas_cached_values),
    # truncated and ragged
    Case(
        "truncated-mid-row",
        "cut.csv",
        lambda: rows("2026-06-01,zed@acme.example,Zed,W,1"),
        says="missing value",
    ),
    Case(
        "truncated-mid-quote",
        "quote.csv",
        lambda: rows('2026-06-01,zed@acme.example,"Zed Zinc,West,10,10,10,10,40'),
        says="cannot be read as CSV",
    ),
    Case(
        "unterminated-quote-at-eof",
        "eof.csv",
        lambda: rows(ROW)[:-1] + b',"',
        says="cannot be read as CSV",
    ),
    Case(
        "lone-cr-in-cell-after-quoted-break",
        "cr.csv",
        lambda: rows('2026-06-01,,"Zed\nZinc",We\rst,10,10,10,10,40'),
        check=stores_name("Zed\nZinc"),
    ),
    Case("ragged-long-row", "long.csv", lambda: rows(ROW + ",1,2,3"), says="cannot be read"),
    Case(
        "ragged-short-row",
        "short.csv",
        lambda: rows(ROW, "2026-06-01,a@b.c,A,W,10"),
        says="missing value",
    ),
    # wrong values
    Case(
        "text-for-number",
        "text.csv",
        lambda: rows(ROW.replace(",10,10,10,10,", ",ten,10,10,10,")),
        says="expected a number",
    ),
    Case(
        "nan", "nan.csv", lambda: rows(ROW.replace(",10,10,10,10,", ",NaN,10,10,10,")), says="NaN"
    ),
    Case(
        "inf", "inf.csv", lambda: rows(ROW.replace(",10,10,10,10,", ",inf,10,10,10,")), says="inf"
    ),
    Case(
        "minus-inf",
        "minf.csv",
        lambda: rows(ROW.replace(",10,10,10,10,", ",-inf,10,10,10,")),
        says="-inf",
    ),
    Case(
        "overflow-to-inf",
        "huge.csv",
        lambda: rows(ROW.replace(",10,10,10,10,", f",{'9' * 400},10,10,10,")),
        says="expected a number",
    ),
    Case(
        "pillar-above-25",
        "high.csv",
        lambda: rows(ROW.replace(",10,10,10,10,40", ",25.01,10,10,10,")),
        says="0 to 25",
    ),
    Case(
        "pillar-negative",
        "neg.csv",
        lambda: rows(ROW.replace(",10,10,10,10,40", ",-1,10,10,10,")),
        says="0 to 25",
    ),
    Case(
        "total-above-100", "total.csv", lambda: rows(ROW.replace(",40", ",100.5")), says="0 to 100"
    ),
    Case(
        "total-far-from-sum",
        "sum.csv",
        lambda: rows(ROW.replace(",40", ",45")),
        says="differs from the sum",
    ),
    Case(
        "rank-zero",
        "rank.csv",
        lambda: rows(ROW + ",0", header=HEADER + ",industry_rank"),
        says="above 0",
    ),
    Case(
        "impossible-date",
        "feb30.csv",
        lambda: rows(ROW.replace("2026-06-01", "2026-02-30")),
        says="real date",
    ),
    Case(
        "garbage-date",
        "when.csv",
        lambda: rows(ROW.replace("2026-06-01", "yesterday")),
        says="real date",
    ),
    Case(
        "five-digit-year",
        "y.csv",
        lambda: rows(ROW.replace("2026-06-01", "20260-06-01")),
        says="real date",
    ),
    Case(
        "year-zero",
        "y0.csv",
        lambda: rows(ROW.replace("2026-06-01", "0000-01-01")),
        says="real date",
    ),
    Case(
        "conflicting-duplicates",
        "dup.csv",
        lambda: rows(ROW, ROW.replace(",10,10,10,10,40", ",11,10,10,10,41")),
        says="conflicting rows",
    ),
    Case(
        "missing-required-column",
        "nopeople.csv",
        lambda: b"date,name,brand,insights,relationships\n2026-06-01,Zed,10,10,10\n",
        says="no 'people' column",
    ),
    Case(
        "two-headers-one-meaning",
        "twice.csv",
        lambda: rows(ROW + ",11", header=HEADER + ",Establish your professional brand"),
        says="several columns mean 'brand'",
    ),
    Case(
        "same-header-twice",
        "same.csv",
        lambda: rows(ROW + ",11", header=HEADER + ",brand"),
        says="several columns are named 'brand'",
    ),
    Case(
        "same-header-twice-in-a-workbook",
        "same.xlsx",
        workbook_with_a_repeated_header,
        says="several columns are named 'brand'",
    ),
    Case(
        "tab-separated-every-cell-quoted",
        "quoted.tsv",
        lambda: "\n".join(
            "\t".join(f'"{cell}"' for cell in line.split(",")) for line in (HEADER, ROW)
        ).encode(),
        check=stores_row,
    ),
    # sizes
    Case(
        "megabyte-number-cell",
        "mb.csv",
        lambda: rows(ROW.replace(",10,10,10,10,", f",{'1' * 1_000_000},10,10,10,")),
        says="expected a number",
    ),
    Case(
        "megabyte-name", "mbname.csv", lambda: name_row("M" * 1_000_000), check=stores_megabyte_name
    ),
    Case(
        "hundred-thousand-columns",
        "wide.csv",
        lambda: rows(
            ROW + "," * 100_000, header=HEADER + "," + ",".join(f"x{i}" for i in range(100_000))
        ),
        check=stores_row,
    ),
    Case("five-megabyte-line", "line.csv", lambda: b"a" * 5_000_000, says="no 'date' column"),
    # JSON
    Case("json-deeply-nested", "deep.json", lambda: nested(100_000).encode(), says="nested"),
    Case(
        "json-nested-record-value",
        "deepvalue.json",
        lambda: ('[{"date": "2026-06-01", "name": "Zed", "team": ' + nested(995) + "}]").encode(),
        says="nested",
    ),
    Case(
        "jsonl-deeply-nested", "deep.jsonl", lambda: nested(100_000).encode() + b"\n", says="nested"
    ),
    Case("json-scalar", "scalar.json", lambda: b"42", says="JSON list"),
    Case("json-list-of-scalars", "scalars.json", lambda: b"[1, 2, 3]", says="object"),
    Case("json-empty-list", "none.json", lambda: b"[]", says="no records"),
    Case(
        "json-nan", "nan.json", lambda: json_bytes([{**RECORD, "brand": float("nan")}]), says="nan"
    ),
    Case(
        "json-huge-integer",
        "bigint.json",
        lambda: (
            '[{"date": "2026-06-01", "name": "Zed", "brand": 1'
            + "0" * 400
            + ', "people": 1, "insights": 1, "relationships": 1}]'
        ).encode(),
        says="expected a number",
    ),
    Case(
        "json-truncated",
        "cut.json",
        lambda: json_bytes([RECORD, RECORD])[:-20],
        says="malformed JSON",
    ),
    Case(
        "jsonl-bad-line",
        "bad.jsonl",
        lambda: json_bytes(RECORD) + b"\n{oops\n",
        says="malformed JSON",
    ),
    Case(
        "json-bad-subscores",
        "api.json",
        lambda: json_bytes([{"date": "2026-06-01", "name": "Z", "memberScore": {"subScores": 5}}]),
        says="subScores",
    ),
    # encodings and control bytes
    Case(
        "invalid-utf8",
        "bytes.csv",
        lambda: rows(ROW).replace(b"Zed", b"Z\x81\x8d\x90"),
        says="not valid UTF-8",
    ),
    Case(
        "bom-then-invalid-utf8",
        "bombad.csv",
        lambda: b"\xef\xbb\xbf" + rows(ROW).replace(b"Zed", b"Z\xff\xfe"),
        says="UTF-8",
    ),
    Case(
        "utf16-odd-length",
        "odd.csv",
        lambda: b"\xff\xfe" + "date,name\n".encode("utf-16-le") + b"x",
        says="UTF-16",
    ),
    Case("nul-in-name", "nul.csv", lambda: rows(ROW).replace(b"Zed", b"Z\x00ed"), says="binary"),
    Case(
        "escape-in-number",
        "esc.csv",
        lambda: rows(ROW.replace(",10,10,10,10,", ",\x1b]0;pwned\x07,10,10,10,")),
        says="expected a number",
    ),
    Case(
        "escape-in-header",
        "eschead.csv",
        lambda: rows(ROW + ",x", header=HEADER + ",\x1b]0;pwned\x07\x1b[2J"),
        check=stores_row,
    ),
    # names are data
    Case(
        "rich-markup-name",
        "markup.csv",
        lambda: name_row("[bold red]Eve[/] [link=x]y[/link]"),
        check=stores_name("[bold red]Eve[/] [link=x]y[/link]"),
    ),
    Case(
        "escape-sequence-name",
        "escname.csv",
        lambda: name_row("Mal\x1b[2J\x1b]0;x\x07lory"),
        check=stores_name("Mal\x1b[2J\x1b]0;x\x07lory"),
    ),
    Case(
        "bidi-override-name",
        "bidi.csv",
        lambda: name_row("Ann\u202egnp.exe"),
        check=stores_name("Ann\u202egnp.exe"),
    ),
    Case(
        "formula-name",
        "formula.csv",
        lambda: name_row("=cmd|' /C calc'!A0"),
        check=stores_name("=cmd|' /C calc'!A0"),
    ),
    Case(
        "formula-in-number",
        "fnum.csv",
        lambda: rows(ROW.replace(",10,10,10,10,", ",=1+1,10,10,10,")),
        says="=1+1",
    ),
    Case(
        "path-like-name", "path.csv", lambda: name_row("../../etc/passwd"), check=path_name_is_data
    ),
    Case(
        "sql-in-name",
        "sql.csv",
        lambda: name_row("Robert'); DROP TABLE snapshots;--"),
        check=sql_survives,
    ),
    # long format
    Case(
        "long-unknown-metric",
        "long_bad.csv",
        lambda: b"date,rep,metric,value\n2026-06-01,Zed,BRAND,10\n2026-06-01,Zed,salary,99\n",
        says="unknown metric",
    ),
    Case(
        "long-conflicting-values",
        "long_dup.csv",
        lambda: b"date,rep,metric,value\n2026-06-01,Zed,brand,10\n2026-06-01,Zed,brand,11\n",
        says="more than once",
    ),
    # files that are not regular files
    Case("named-pipe", "pipe.csv", fifo, says="no such file"),
    Case("symlink-to-dev-zero", "zero.csv", dev_zero, says="no such file"),
    Case("folder-of-named-pipes", "pipes", folder_of_fifos, says="no exports found"),
)


def test_the_table_is_big_enough() -> None:
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("hostile-template"))


def _build(case: Case, folder: Path) -> Path:
    """The case's input in FOLDER: bytes written under its name, or a special file made."""
    folder.mkdir(parents=True, exist_ok=True)
    if inspect.signature(case.build).parameters:
        return case.build(folder, case.file)  # type: ignore[call-arg]
    path = folder / case.file
    path.write_bytes(case.build())  # type: ignore[call-arg,arg-type]
    return path


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input(case: Case, template: Path, tmp_path: Path) -> None:
    db = copy_db(template, tmp_path / "db")
    export = _build(case, tmp_path / "in")
    before = dump_db(db)
    files_before = sorted(p.name for p in db.parent.iterdir())

    result = run_cli(["import", db, export], timeout=60)

    output = result.output
    assert "Traceback" not in output
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"uncaught {result.exception!r}"
    )
    assert "\x1b" not in output and "\x07" not in output and "\x00" not in output
    assert all(len(line) <= MAX_MESSAGE_LINE for line in output.splitlines()), (
        "an error line is unbounded: " + max(output.splitlines(), key=len)[:200]
    )
    if case.check is None:
        assert result.exit_code == 1, output
        assert str(export) in output
        assert case.says in output, output
        assert dump_db(db) == before
        assert sorted(p.name for p in db.parent.iterdir()) == files_before
    else:
        assert result.exit_code == 0, output
        case.check(before, dump_db(db))


@pytest.mark.parametrize(
    "case",
    [
        c
        for c in CASES
        if c.check is None and c.id in {"binary", "json-deeply-nested", "nan", "same-header-twice"}
    ],
    ids=lambda c: c.id,
)
def test_a_refused_first_import_creates_no_database(case: Case, tmp_path: Path) -> None:
    export = _build(case, tmp_path)
    db = tmp_path / "new" / "team.duckdb"
    result = run_cli(["import", db, export], timeout=60)
    assert result.exit_code == 1, result.output
    assert not db.exists()
    assert not db.with_name(db.name + ".wal").exists()
