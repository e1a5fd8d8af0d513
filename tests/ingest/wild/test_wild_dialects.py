"""CSV dialects: delimiters, decimal commas, quoting, CRLF, BOMs, UTF-16 and Windows-1252."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from wild_helpers import WILD, imported, refused

from ssi_tui.ingest.dialect import sniff_delimiter

# The columns of wild_helpers.snapshots: name, date, ssi, brand, people, insights,
# relationships, industry_rank, network_rank, industry_avg, network_avg.
NO_RANKS = (None, None, None, None)


def test_semicolons_decimal_commas_bom_crlf_and_quotes(tmp_path: Path) -> None:
    # UTF-8 with BOM, CRLF, `;` between fields, `20,998` decimal commas, LinkedIn's headers,
    # and a quoted name holding the delimiter.
    assert imported(tmp_path, WILD / "semicolon.csv") == [
        # 20.998 + 12.5 + 10.25 + 9 = 52.748, the total given as 52,748
        ("Doe; Jane", "2026-05-19", 52.748, 20.998, 12.5, 10.25, 9.0, *NO_RANKS),
        ("Jürgen Müller", "2026-05-19", 55.0, 15.0, 14.5, 13.0, 12.5, *NO_RANKS),
    ]


def test_pipes_with_decimal_commas(tmp_path: Path) -> None:
    # No total: the pillar sums, 10.5 + 10 + 10 + 10 and 11 + 12.25 + 13 + 14.
    assert imported(tmp_path, WILD / "pipe.txt") == [
        ("Ana Lima", "2026-05-19", 40.5, 10.5, 10.0, 10.0, 10.0, *NO_RANKS),
        ("Bo | Chen", "2026-05-19", 50.25, 11.0, 12.25, 13.0, 14.0, *NO_RANKS),
    ]


def test_tabs_in_a_txt_file(tmp_path: Path) -> None:
    assert imported(tmp_path, WILD / "tab.txt") == [
        ("Bo Chen", "2026-05-19", 50.0, 11.0, 12.0, 13.0, 14.0, *NO_RANKS),
    ]


def test_quoted_commas_quotes_and_line_breaks_with_crlf(tmp_path: Path) -> None:
    assert imported(tmp_path, WILD / "quoted_crlf.csv") == [
        ("Hart, Zoe", "2026-05-19", 60.0, 15.25, 14.5, 12.75, 17.5, *NO_RANKS),
        ('Stone, Bob "Bobby"', "2026-05-19", 40.0, 10.0, 10.0, 10.0, 10.0, *NO_RANKS),
    ]


def test_a_comma_in_a_comma_separated_file_is_not_a_decimal_comma(tmp_path: Path) -> None:
    export = tmp_path / "comma.csv"
    export.write_text(
        'date,name,brand,people,insights,relationships\n2026-05-19,Ana,"10,5",10,10,10\n',
        encoding="utf-8",
    )
    [problem] = refused(tmp_path, export)
    assert (problem.line, problem.column) == (2, "brand")
    assert "'10,5'" in problem.message


def test_lines_after_a_multiline_cell_in_a_semicolon_file(tmp_path: Path) -> None:
    export = tmp_path / "notes.csv"
    export.write_text(
        "date;name;brand;people;insights;relationships;Notes\n"  # line 1
        '2026-05-19;Ana Lima;10;10;10;10;"call back;\n'  # line 2
        'on Monday"\n'  # line 3, same record
        "2026-05-19;Bo Chen;10;10;10;26,5;ok\n",  # line 4: 26.5 > 25
        encoding="utf-8",
    )
    [problem] = refused(tmp_path, export)
    assert (problem.line, problem.column) == (4, "relationships")
    assert "'26.5'" in problem.message or "'26,5'" in problem.message


UNICODE_ROWS = (
    "date\tname\tbrand\tpeople\tinsights\trelationships\n"
    "2026-05-19\tZoë Ångström\t10\t11\t12\t13,5\n"
    "2026-05-19\t李雷\t9\t9\t9\t9\n"
)


@pytest.mark.parametrize(
    "encode",
    [
        lambda text: text.encode("utf-16"),  # BOM + little-endian, as Excel's "Unicode text"
        lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
        lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
        lambda text: text.encode("utf-16-le"),  # no BOM: told by its zero bytes
        lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
        lambda text: text.encode("utf-8"),
    ],
    ids=["utf-16", "utf-16-le", "utf-16-be", "utf-16-le-no-bom", "utf-8-bom", "utf-8"],
)
def test_unicode_encodings(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "unicode.tsv"
    export.write_bytes(encode(UNICODE_ROWS))
    assert imported(tmp_path, export) == [
        ("Zoë Ångström", "2026-05-19", 46.5, 10.0, 11.0, 12.0, 13.5, *NO_RANKS),
        ("李雷", "2026-05-19", 36.0, 9.0, 9.0, 9.0, 9.0, *NO_RANKS),
    ]


def test_windows_1252_bytes_are_read_as_windows_1252(tmp_path: Path) -> None:
    export = tmp_path / "legacy.csv"
    text = "date;name;brand;people;insights;relationships\n2026-05-19;Jürgen Müller;10;10;10;10,5\n"
    export.write_bytes(text.encode("cp1252"))
    assert b"\xfc" in export.read_bytes()  # ü as one cp1252 byte, not UTF-8
    assert imported(tmp_path, export) == [
        ("Jürgen Müller", "2026-05-19", 40.5, 10.0, 10.0, 10.0, 10.5, *NO_RANKS),
    ]


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        (codecs.BOM_UTF16_LE + "date,name".encode("utf-16-be"), "byte-order mark does not match"),
        (b"PK\x03\x04\x14\x00\x00\x00binary", "Excel workbook"),
        (b"\x89PNG\r\n\x1a\n\xff\x00\x00", "binary data"),
    ],
    ids=["utf-16-bom-mismatch", "workbook-named-csv", "binary"],
)
def test_undecodable_files_are_refused_with_one_clear_problem(
    tmp_path: Path, content: bytes, fragment: str
) -> None:
    export = tmp_path / "export.csv"
    export.write_bytes(content)
    [problem] = refused(tmp_path, export)
    assert problem.file == str(export)
    assert fragment in problem.message


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1,5;2;3\n", ";"),
        ("a\tb\tc\n1\t2\t3\n", "\t"),
        ("a|b|c\n1|2|3\n", "|"),
        ('"x;y",b,c\n1,2,3\n', ","),  # the quoted `;` does not count
        ('a;b\n"1\n2";3\n4;5\n', ";"),  # a quoted line break does not split a record
        ("single\n1\n", ","),
    ],
)
def test_delimiter_sniffing(sample: str, expected: str) -> None:
    assert sniff_delimiter(sample) == expected


def test_a_single_column_tsv_keeps_its_tab_default() -> None:
    assert sniff_delimiter("name\nAna\n", default="\t") == "\t"
