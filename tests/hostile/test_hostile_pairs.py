"""Property: two everyday exports with different columns import together as each would alone.

Each export (CSV or JSON) has the required columns, any subset of the optional ones, perhaps a
column we do not know, headers in any alias and spelling, and sometimes lacks one required
column. Imported together: either every row of both is stored, or, when one lacks a required
column, the import is refused naming that file and column, and nothing is written. Never
anything but the project's own error (issue #20: files with different columns crashed with
a Polars ShapeError).
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ssi_tui.errors import InvalidExportError
from ssi_tui.importing.importer import run_import
from ssi_tui.ingest.headers import ALIASES, canonical_name

EXAMPLES = int(os.environ.get("SSI_TUI_HYPOTHESIS_EXAMPLES", "40"))
SETTINGS = settings(
    max_examples=max(10, EXAMPLES // 2),  # two imports' worth of work per example
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PILLARS = ("brand", "people", "insights", "relationships")
REQUIRED = ("date", "name", *PILLARS)
OPTIONAL = ("rep_id", "team", "ssi", "industry_rank", "network_avg", "Notes")


@dataclass(frozen=True)
class Export:
    name: str
    columns: dict[str, str]
    """Our column (or `Notes`, unknown to us) -> the header the file gives it."""
    rows: list[dict[str, str]]
    """Cell text by our column."""

    @property
    def lacks(self) -> str | None:
        """The required column it lacks (a date comes from its name: not lacking)."""
        return next((c for c in REQUIRED[1:] if c not in self.columns), None)

    def render(self) -> bytes:
        if self.name.endswith(".json"):
            records = [{self.columns[c]: row[c] for c in self.columns} for row in self.rows]
            return json.dumps(records).encode()
        lines = [[self.columns[c] for c in self.columns]]
        lines += [[row[c] for c in self.columns] for row in self.rows]
        return "".join(",".join(f'"{cell}"' for cell in line) + "\n" for line in lines).encode()


@st.composite
def spellings(draw: st.DrawFn, column: str) -> str:
    """An alias of COLUMN as someone might type it: any case, any word separator."""
    if column == "Notes":
        return "Notes"
    alias = draw(st.sampled_from(ALIASES[column]))
    words = [w for w in re.split(r"[\s_\-]+", alias) if w]
    words = [draw(st.sampled_from([w, w.lower(), w.upper(), w.title()])) for w in words]
    return draw(st.sampled_from([" ", "_", "", "-"])).join(words)


@st.composite
def exports(draw: st.DrawFn, name: str, dates: tuple[str, ...]) -> Export:
    optional = draw(st.lists(st.sampled_from(OPTIONAL), unique=True))
    required = list(REQUIRED)
    if draw(st.integers(0, 4)) == 0:
        required.remove(draw(st.sampled_from(REQUIRED)))
    columns = draw(st.permutations([*required, *optional]))
    headers = {c: draw(spellings(c)) for c in columns}
    assume(len({canonical_name(h) or h for h in headers.values()}) == len(headers))
    rows = []
    for rep in range(draw(st.integers(1, 4))):
        for date in dates:
            cents = [draw(st.integers(0, 2500)) for _ in PILLARS]
            row = {p: f"{c / 100:.2f}" for p, c in zip(PILLARS, cents, strict=True)}
            row |= {
                "date": date,
                "name": f"Rep {rep}",
                "rep_id": f"rep{rep}@acme.example",
                "team": draw(st.sampled_from(["", "SMB", "Enterprise"])),
                "ssi": draw(st.sampled_from(["", f"{sum(cents) / 100:.2f}"])),
                "industry_rank": draw(st.sampled_from(["", "Top 9%", "30"])),
                "network_avg": draw(st.sampled_from(["", "41.5"])),
                "Notes": draw(st.sampled_from(["", "call back", "=1+1"])),
            }
            rows.append(row)
    return Export(name, headers, rows)


def _stored(db: Path) -> list[tuple]:
    conn = duckdb.connect(str(db), read_only=True)
    try:
        return conn.execute(
            "SELECT snapshot_date::VARCHAR, brand, people, insights, relationships"
            " FROM snapshots ORDER BY ALL"
        ).fetchall()
    finally:
        conn.close()


def _expected(*exported: Export) -> list[tuple]:
    return sorted(
        (row["date"], *(float(row[p]) for p in PILLARS)) for e in exported for row in e.rows
    )


@SETTINGS
@given(
    first=exports("ssi_2026-05-04.csv", ("2026-05-04",)),
    second=st.sampled_from(["sheet_2026-05-11.csv", "records_2026-05-11.json"]).flatmap(
        lambda name: exports(name, ("2026-05-11",))
    ),
)
def test_two_exports_with_different_columns_import_together(first: Export, second: Export) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for export in (first, second):
            path = Path(folder) / export.name
            path.write_bytes(export.render())
            paths.append(path)
        db = Path(folder) / "team.duckdb"
        lacking = [(p, e.lacks) for p, e in zip(paths, (first, second), strict=True) if e.lacks]
        if not lacking:
            run_import(db, paths)
            assert _stored(db) == _expected(first, second)
            return
        with pytest.raises(InvalidExportError) as refused:
            run_import(db, paths)
        said = [(p.file, p.message) for p in refused.value.problems]
        for path, column in lacking:
            assert any(f == str(path) and m.startswith(f"no '{column}' column") for f, m in said), (
                said
            )
        assert not db.exists()
