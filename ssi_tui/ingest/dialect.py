"""Text exports from the wild: which encoding and which delimiter a file uses.

Managers' exports come from Excel in every locale: UTF-8 with or without a BOM, UTF-16 (what
Excel's "Unicode text" writes), Windows-1252 from older Windows tools, and `,` `;` tab or `|`
between fields. Everything here looks at the bytes once (the BOM, a small sample), so the
common case -- UTF-8, comma-separated -- costs no more than decoding the file.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from ssi_tui.errors import InvalidExportError, Problem

DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
"""The delimiters we detect, in order of preference on a tie."""

SAMPLE_BYTES = 64 * 1024
"""How much of a file the sniffing looks at (a header and plenty of rows)."""

SAMPLE_RECORDS = 20

_QUOTED = re.compile(r'"(?:[^"]|"")*"')
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class Dialect:
    """How a delimited text export is written."""

    encoding: str
    delimiter: str

    @property
    def decimal_comma(self) -> bool:
        """`20,998` means 20.998 when commas do not separate fields (the European convention)."""
        return self.delimiter != ","


def decode(data: bytes, file: str) -> tuple[str, str]:
    """The text of an export and the encoding it was read as.

    UTF-8 (BOM or not) and UTF-16 with a BOM are exact; bytes that are not UTF-8 are read as
    Windows-1252, the encoding Excel on Windows uses for "CSV" in Western locales, so `Müller`
    arrives as `Müller` rather than as an error.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _decode_utf8(data[len(codecs.BOM_UTF8) :], file), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, file)
    sample = data[:SAMPLE_BYTES]
    if b"\x00" in sample:
        return _decode_nul_bearing(data, sample, file)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        line = data[: utf8_error.start].count(b"\n") + 1
        raise InvalidExportError(
            [
                Problem(
                    file,
                    "not valid UTF-8 text (nor UTF-16 or Windows-1252); expected a CSV export",
                    line=line,
                )
            ]
        ) from None


def _decode_utf8(data: bytes, file: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InvalidExportError(
            [Problem(file, "not valid UTF-8 text despite its UTF-8 byte-order mark", line=line)]
        ) from None


def _decode_utf16(data: bytes, file: str) -> tuple[str, str]:
    """UTF-16 after a BOM, refusing a BOM that contradicts the bytes after it."""
    little = data.startswith(codecs.BOM_UTF16_LE)
    body = data[2:]
    encoding = "utf-16-le" if little else "utf-16-be"
    sample = body[:SAMPLE_BYTES]
    # ASCII-range text has its zero byte second in LE and first in BE: a BOM saying one while
    # the bytes say the other is a damaged or mislabelled file, not text to guess at.
    high, low = (sample[1::2], sample[0::2]) if little else (sample[0::2], sample[1::2])
    if len(body) % 2 or low.count(0) > high.count(0):
        raise InvalidExportError(
            [
                Problem(
                    file,
                    "not valid UTF-8 text, and its UTF-16 byte-order mark does not match its"
                    " bytes; expected a CSV export",
                )
            ]
        )
    try:
        return body.decode(encoding), encoding
    except UnicodeDecodeError:
        raise InvalidExportError(
            [Problem(file, f"not valid UTF-8 or {encoding.upper()} text; expected a CSV export")]
        ) from None


def _decode_nul_bearing(data: bytes, sample: bytes, file: str) -> tuple[str, str]:
    """Zero bytes mean UTF-16 without a BOM, or a binary file (a workbook, an image)."""
    if data.startswith(_ZIP_MAGIC):
        raise InvalidExportError(
            [
                Problem(
                    file,
                    "not valid UTF-8 text: this looks like an Excel workbook (or another zip"
                    " file); an .xlsx export must be named .xlsx",
                )
            ]
        )
    even, odd = sample[0::2], sample[1::2]
    # Mostly-Latin UTF-16 has a zero in nearly every other byte, and almost none in between.
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if (
            len(data) % 2 == 0
            and zeros
            and zeros.count(0) >= 0.7 * len(zeros)
            and others.count(0) <= 0.1 * len(others)
        ):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    raise InvalidExportError(
        [Problem(file, "not valid UTF-8 text (it holds binary data); expected a CSV export")]
    )


def sniff_delimiter(text: str, default: str = ",") -> str:
    """The delimiter of a text export, judged from its header and first records.

    Quoted fields are ignored (`"Doe, Jane"` holds no delimiter), and a delimiter counts only
    when it appears in the header; among those, the one splitting every sample record into as
    many fields as the header wins, then the one splitting the header most. A single-column
    file gets DEFAULT.
    """
    records = _first_records(text[:SAMPLE_BYTES], truncated=len(text) > SAMPLE_BYTES)
    if not records:
        return default
    header, rows = records[0], records[1:]

    def score(delimiter: str) -> tuple[bool, float, int, bool]:
        in_header = header.count(delimiter)
        agreeing = sum(1 for r in rows if r.count(delimiter) == in_header)
        return (
            in_header > 0,
            agreeing / len(rows) if rows else 1.0,
            in_header,
            delimiter == default,
        )

    best = max(DELIMITERS, key=score)
    return best if header.count(best) else default


def _first_records(sample: str, *, truncated: bool) -> list[str]:
    """Up to SAMPLE_RECORDS records with quoted sections removed (quote-aware line joining)."""
    lines = sample.split("\n")
    if truncated:
        lines = lines[:-1]  # the last line may be cut in the middle
    records: list[str] = []
    pending = ""
    for line in lines:
        pending = f"{pending}\n{line}" if pending else line
        if pending.count('"') % 2:
            continue  # a quoted field runs on to the next line
        # Blank is judged before quoted sections go: `"a"\t"b"` leaves only tabs, which are
        # whitespace, yet it is the header of a fully quoted tab-separated file.
        if pending.strip():
            records.append(_QUOTED.sub("", pending).rstrip("\r"))
        pending = ""
        if len(records) >= SAMPLE_RECORDS:
            break
    return records


def detect(data: bytes, file: str, *, default_delimiter: str = ",") -> tuple[str, Dialect]:
    """Decode DATA and sniff its delimiter: the text and how to parse it."""
    text, encoding = decode(data, file)
    return text, Dialect(encoding, sniff_delimiter(text, default_delimiter))
