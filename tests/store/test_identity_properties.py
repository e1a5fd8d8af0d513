"""Property: however a team's reps are written across imports — with or without their e-mail,
names respaced, recased, with or without accents, in any order of imports, through either
import path — the board shows exactly one row per person, with every snapshot imported."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssi_tui.importing.importer import run_import
from ssi_tui.model.board import load_board
from tests.db_helpers import query
from tests.sharding import in_shards

EXAMPLES = int(os.environ.get("SSI_TUI_HYPOTHESIS_EXAMPLES", "20"))
"""Modest by default (CI budget): each example runs a few small imports."""

PEOPLE = {
    "José Núñez": "jose.nunez@acme.example",
    "Ann Lee": "ann.lee@acme.example",
    "Zoë Hart-Smith": "zoe.hart@acme.example",
    "Bo Kim": "https://www.linkedin.com/in/bokim",
}


@dataclass(frozen=True)
class Row:
    """One person's row in one file: how the name is written and whether the id is given."""

    person: str
    written: str
    with_id: bool
    score: float


def _spellings(name: str) -> st.SearchStrategy[str]:
    """NAME as people type it: case, accents, doubled and surrounding spaces."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return st.tuples(
        st.sampled_from([name, plain]),
        st.sampled_from([str.lower, str.upper, str.title, lambda s: s]),
        st.sampled_from([" ", "  ", "   "]),
        st.sampled_from(["", " "]),
    ).map(lambda t: t[3] + t[1](t[0]).replace(" ", t[2]) + t[3])


def _row(person: str) -> st.SearchStrategy[Row]:
    return st.builds(
        Row,
        st.just(person),
        _spellings(person),
        st.booleans(),
        st.floats(5, 20).map(lambda v: round(v, 2)),
    )


FILES = st.lists(
    st.tuples(
        st.lists(st.sampled_from(sorted(PEOPLE)), min_size=1, max_size=4, unique=True).flatmap(
            lambda people: st.tuples(*(_row(p) for p in people))
        ),
        st.sampled_from([",", "\t"]),  # a comma with every id given may take the fast path
        st.booleans(),  # a rep_id column at all
    ),
    min_size=1,
    max_size=4,
)


def _write(path: Path, rows: tuple[Row, ...], sep: str, id_column: bool, date: str) -> None:
    header = ["date", *(["rep_id"] if id_column else []), "name", "ssi", "brand", "people"]
    header += ["insights", "relationships"]
    lines = [sep.join(header)]
    for row in rows:
        rep_id = [PEOPLE[row.person] if row.with_id else ""] if id_column else []
        pillar = f"{row.score:g}"
        total = f"{round(row.score * 4, 2):g}"
        lines.append(sep.join([date, *rep_id, row.written, total, *[pillar] * 4]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow  # each example runs up to four imports
@in_shards(
    settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
)
@given(files=FILES)
def test_one_rep_per_person_whatever_the_order_and_spelling_of_imports(
    files: list[tuple[tuple[Row, ...], str, bool]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "team.duckdb"
        expected: dict[str, int] = {}
        for week, (rows, sep, id_column) in enumerate(files):
            export = Path(folder) / f"week{week}.{'csv' if sep == ',' else 'tsv'}"
            _write(export, rows, sep, id_column, f"2026-11-{2 + 7 * week:02d}")
            run_import(db, [export])
            for row in rows:
                expected[row.person] = expected.get(row.person, 0) + 1

        board = load_board(db)
        shown = sorted(_key(row.name) for row in board.rows)
        assert shown == sorted(_key(person) for person in expected)
        history = dict(query(db, "SELECT rep_id, count(*) FROM snapshots GROUP BY rep_id"))
        assert sorted(history.values()) == sorted(expected.values())
        names = [name for (name,) in query(db, "SELECT name FROM reps")]
        assert all(name == " ".join(name.split()) for name in names), names


def _key(name: str) -> str:
    """A name with case, accents, spacing and punctuation ignored."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in plain if c.isalnum() and not unicodedata.combining(c))
