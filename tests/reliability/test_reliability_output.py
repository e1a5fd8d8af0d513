"""Output safety (issue #7): names are data everywhere they are shown or exported.

* The app shows markup, escape sequences and bidi overrides literally, on the board and in
  the rep drill-down (nothing reaches the terminal raw).
* `--format csv` neutralises every text cell a spreadsheet would run as a formula (starting
  with = + - @ tab or CR); `--format json` keeps names exactly; `--format markdown` escapes
  table syntax so each name stays one literal, unstyled cell (checked by rendering the table
  with markdown-it, which Rich already depends on); `--format table` prints no control byte.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import shutil
from pathlib import Path

import duckdb
import pytest
from markdown_it import MarkdownIt

from ssi_tui.importing.importer import run_import
from ssi_tui.text import printable
from ssi_tui.ui.app import SsiApp
from ssi_tui.ui.screens.rep import RepScreen
from tests.hostile.support import csv_text, run_cli
from tests.ui.helpers import (
    screen_text,
    shown_names,
    visible_lines,
    wait_for_board,
    wait_until,
)

RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\x00")
"""Characters that must never reach the terminal as they are."""

APP_NAMES = {
    "eve": "[bold red]Eve[/] [link=http://x]Evil[/link]",
    "mal": "Mal\x1b[2J\x1b[31mlory",
    "osc": "Osc\x1b]0;pwned\x07ar",
    "bidi": "Ann\u202eexe.txt",
}

FORMULA_NAMES = {
    "eq": "=cmd|' /C calc'!A0",
    "plus": "+SUM(1,2)",
    "minus": "-2+3",
    "at": "@A1",
}
DIRECT_NAMES = {"tab": "\t=1+1", "cr": "\r=1+1"}
"""Import strips surrounding whitespace, so these are written straight into the store:
exports must be safe whatever the database holds."""

MARKDOWN_NAMES = {
    "pipe": "a|b",
    "bold": "**x**",
    "em": "_it_",
    "code": "`code`",
    "link": "[link](http://x)",
    "image": "![i](http://x/y.png)",
    "html": "<script>alert(1)</script>",
    "heading": "# h",
    "strike": "~~strike~~",
    "escaped-pipe": "a\\|b",
    "backslash": "x\\",
    "entity": "&amp; &#124;",
    "newline": "line\nbreak",
    "autolink": "<http://x>",
}


def build(tmp_path: Path, names: dict[str, str], *, direct: dict[str, str] | None = None) -> Path:
    """A database of one rep per name (rep_id = the key), distinct totals so order is known."""
    lines = []
    for i, (key, name) in enumerate({**names, **(direct or {})}.items()):
        quoted = '"' + ("Placeholder" if key in (direct or {}) else name).replace('"', '""') + '"'
        team = '"=HYPERLINK(""http://x"")"' if i == 0 else "Ops"
        pillar = 20 - i
        lines.append(
            f"2026-06-01,{key}@acme.example,{quoted},{team},{pillar},{pillar},{pillar},{pillar},"
        )
    export = tmp_path / "names.csv"
    export.write_text(csv_text(*lines), encoding="utf-8")
    db = tmp_path / "names.duckdb"
    run_import(db, [export])
    if direct:
        conn = duckdb.connect(str(db))
        for key, name in direct.items():
            conn.execute("UPDATE reps SET name = ? WHERE rep_id = ?", [name, f"{key}@acme.example"])
        conn.close()
    return db


# -- the app --------------------------------------------------------------------------------------


async def test_names_are_literal_on_the_board_and_in_the_drill_down(tmp_path: Path) -> None:
    db = build(tmp_path, APP_NAMES)
    async with SsiApp(db).run_test(size=(250, 40)) as pilot:
        await wait_for_board(pilot)
        lines = "\n".join(visible_lines(pilot))
        for name in APP_NAMES.values():
            assert printable(name) in lines
        text = screen_text(pilot)
        assert not any(ch in text for ch in RAW)
        assert "[bold red]Eve[/]" in text  # shown, not applied

        order = shown_names(pilot)
        await pilot.press("enter")
        for position, name in enumerate(order):

            def drawn(position: int = position, name: str = name) -> bool:
                """The drill-down on this rep, their name drawn (not the board's, cut short)."""
                screen = pilot.app.screen
                return (
                    isinstance(screen, RepScreen)
                    and screen.index == position
                    and printable(name) in screen_text(pilot)
                )

            await wait_until(pilot, drawn)
            assert not any(ch in screen_text(pilot) for ch in RAW), (position, name)
            await pilot.press("n")
        await pilot.press("escape")


# -- exports ---------------------------------------------------------------------------------------


@pytest.fixture
def formula_db(tmp_path: Path) -> Path:
    return build(tmp_path, FORMULA_NAMES, direct=DIRECT_NAMES)


def test_csv_export_neutralises_formulas(formula_db: Path) -> None:
    result = run_cli(["leaderboard", formula_db, "--format", "csv"])
    assert result.exit_code == 0, result.output
    records = list(csv.DictReader(io.StringIO(result.output)))
    assert len(records) == len(FORMULA_NAMES) + len(DIRECT_NAMES)
    for record in records:
        for key in ("rep_id", "name", "team"):
            assert not record[key].startswith(("=", "+", "-", "@", "\t", "\r")), record
    names = {r["name"] for r in records}
    assert names == {"'" + n for n in (*FORMULA_NAMES.values(), *DIRECT_NAMES.values())}
    assert {r["team"] for r in records} == {'\'=HYPERLINK("http://x")', "Ops"}


def test_json_export_keeps_names_exactly(formula_db: Path) -> None:
    result = run_cli(["leaderboard", formula_db, "--format", "json"])
    assert result.exit_code == 0, result.output
    names = {r["name"] for r in json.loads(result.output)}
    assert names == {*FORMULA_NAMES.values(), *DIRECT_NAMES.values()}


def test_markdown_export_keeps_each_name_one_literal_cell(tmp_path: Path) -> None:
    shutil.rmtree(tmp_path / "md", ignore_errors=True)
    (tmp_path / "md").mkdir()
    db = build(tmp_path / "md", MARKDOWN_NAMES)
    result = run_cli(["leaderboard", db, "--format", "markdown"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == 2 + len(MARKDOWN_NAMES)  # header, rule, one line per rep

    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(result.output)
    header_cells = len(re.findall(r"<th[ >]", rendered))
    rows = re.findall(r"<tr>(.*?)</tr>", rendered, re.S)[1:]
    assert len(rows) == len(MARKDOWN_NAMES)
    shown = set()
    for row in rows:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        assert len(cells) == header_cells, row
        assert "<" not in cells[1], f"markup in a name cell: {cells[1]}"  # no tag, only text
        shown.add(html.unescape(cells[1]))
    assert shown == {printable(n) for n in MARKDOWN_NAMES.values()}


def test_table_output_prints_no_control_character(tmp_path: Path) -> None:
    db = build(tmp_path, APP_NAMES)
    result = run_cli(["leaderboard", db])
    assert result.exit_code == 0, result.output
    assert not any(ch in result.output for ch in RAW)
    for name in APP_NAMES.values():
        assert printable(name) in result.output
