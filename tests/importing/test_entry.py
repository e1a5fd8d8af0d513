"""Typing a snapshot in (issue #23): checked by the importer's rules, written as an import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ssi_tui.importing.entry import Entry, EntryError, add_entry, check_entry, find_rep
from ssi_tui.importing.importer import run_import
from ssi_tui.importing.roster_names import completions, roster_names
from ssi_tui.store.changes import ChangeKind
from tests.db_helpers import dump_tables, query

DAY = dt.date(2026, 12, 7)


def _export(tmp_path: Path, *rows: str) -> Path:
    export = tmp_path / "export.csv"
    export.write_text(
        "date,rep_id,name,brand,people,insights,relationships,ssi\n" + "".join(rows),
        encoding="utf-8",
    )
    return export


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A team of two imported from a file: Ann Lee by e-mail, José Núñez by name only."""
    db = tmp_path / "team.duckdb"
    run_import(
        db,
        [
            _export(
                tmp_path,
                "2026-11-30,ann@acme.example,Ann Lee,16,17,16,17,66\n",
                "2026-11-30,,José Núñez,10,10,10,10,40\n",
            )
        ],
    )
    return db


def _snapshot(db: Path, rep_id: str, day: dt.date = DAY) -> list[tuple]:
    return query(
        db,
        "SELECT ssi, brand, people, insights, relationships, industry_rank, change"
        f" FROM snapshots WHERE rep_id = '{rep_id}' AND snapshot_date = '{day}'",
    )


@pytest.mark.parametrize(
    ("entry", "problems"),
    [
        (Entry("Ann Lee", DAY, ssi=67), []),
        (Entry("Ann Lee", DAY, brand=16, people=17, insights=16, relationships=18), []),
        (Entry("Ann Lee", DAY, ssi=120), ["SSI: expected a number from 0 to 100, got '120'"]),
        (Entry("Ann Lee", DAY), ["SSI: give the SSI total, or all four pillars"]),
        (Entry("Ann Lee", DAY, brand=16), ["SSI: give the SSI total, or all four pillars"]),
        (
            Entry("Ann Lee", DAY, ssi=30, brand=20, people=20),
            ["SSI: total 30 is less than the pillars given (40.0) by more than 1"],
        ),
        (
            Entry("Ann Lee", DAY, ssi=50, brand=10, people=10, insights=10, relationships=10),
            ["SSI: total 50 differs from the sum of the pillars (40.0) by more than 1"],
        ),
        (Entry("Ann Lee", "2026-12-32", ssi=67), ["Date: expected a real date as YYYY-MM-DD"]),
        (Entry(" ", DAY, ssi=67), ["Rep: missing value; expected the rep's name"]),
        (
            Entry("Ann Lee", DAY, ssi=67, industry_rank="Top 0%"),
            ["Industry rank: expected a number above 0 to 100, got '0'"],
        ),
    ],
)
def test_check_entry_words_the_importers_rules_for_the_form(
    db: Path, entry: Entry, problems: list[str]
) -> None:
    found = check_entry(db, entry)
    assert len(found) == len(problems), found
    for line, expected in zip(found, problems, strict=True):
        assert line.startswith(expected), (line, expected)


def test_text_as_typed_is_read_as_an_import_reads_a_cell(db: Path) -> None:
    entry = Entry("Ann Lee", DAY, ssi="67 out of 100", industry_rank="Top 9%", network_rank="12%")
    assert check_entry(db, entry) == []
    outcome = add_entry(db, entry)
    assert (outcome.stored["ssi"], outcome.stored["industry_rank"]) == (67.0, 9.0)
    assert outcome.stored["network_rank"] == 12.0


def test_a_total_alone_is_added_with_its_pillars_unknown(db: Path) -> None:
    outcome = add_entry(db, Entry("ann lee", DAY, ssi=67))
    assert outcome.status == "added"
    assert (outcome.rep_id, outcome.rep_name, outcome.new_rep) == (
        "ann@acme.example",
        "Ann Lee",
        False,
    )
    assert outcome.describe() == "Added Ann Lee on 2026-12-07: SSI 67 (pillars not given)"
    # Board points as for files: the week's change against 66 a week before.
    assert _snapshot(db, "ann@acme.example") == [(67.0, None, None, None, None, None, 1.0)]


def test_the_entry_is_one_typed_change_with_an_imports_row_of_its_own(db: Path) -> None:
    outcome = add_entry(db, Entry("Ann Lee", DAY, ssi=67))
    changes = query(db, "SELECT change_id, kind, summary, added, corrected FROM changes")
    assert changes[-1] == (outcome.change_id, "typed", "typed: Ann Lee 2026-12-07", 1, 0)
    imports = query(
        db,
        f"SELECT file_name, content_hash FROM imports WHERE change_id = {outcome.change_id}",
    )
    assert imports == [("typed: Ann Lee 2026-12-07", "")]
    tagged = query(
        db,
        "SELECT i.change_id FROM snapshots s JOIN imports i USING (import_id)"
        f" WHERE s.rep_id = 'ann@acme.example' AND s.snapshot_date = '{DAY}'",
    )
    assert tagged == [(outcome.change_id,)]


def test_a_pasted_entry_is_a_pasted_change(db: Path) -> None:
    outcome = add_entry(db, Entry("Ann Lee", DAY, ssi=67), kind=ChangeKind.PASTED)
    assert query(db, f"SELECT kind FROM changes WHERE change_id = {outcome.change_id}") == [
        ("pasted",)
    ]


def test_reps_are_found_by_id_alias_and_name_as_imports_find_them(db: Path) -> None:
    assert find_rep(db, "ANN@acme.example").rep_id == "ann@acme.example"
    assert find_rep(db, "jose  nunez").rep_id == "jose-nunez"
    assert find_rep(db, "JOSÉ NÚÑEZ").name == "José Núñez"
    assert find_rep(db, "Nobody").is_new
    # José gets an e-mail from a later export: typing that e-mail finds him too.
    run_import(db, [_export(db.parent, "2026-12-07,jose@acme.example,José Núñez,10,10,10,11,41\n")])
    assert find_rep(db, "jose@acme.example").rep_id == "jose-nunez"


def test_a_correction_says_old_and_new_and_keeps_the_old_row(db: Path) -> None:
    add_entry(db, Entry("Ann Lee", DAY, ssi=67))
    outcome = add_entry(
        db, Entry("Ann Lee", DAY, ssi=68, brand=17, people=17, insights=17, relationships=17)
    )
    assert outcome.status == "corrected"
    assert outcome.describe() == (
        "Corrected Ann Lee on 2026-12-07: SSI 67 -> 68, Brand – -> 17, People – -> 17,"
        " Insights – -> 17, Relationships – -> 17"
    )
    kept = query(
        db,
        f"SELECT ssi, brand FROM superseded_snapshots WHERE change_id = {outcome.change_id}",
    )
    assert kept == [(67.0, None)]


def test_an_entry_the_store_holds_already_is_unchanged_and_no_change(db: Path) -> None:
    add_entry(db, Entry("Ann Lee", DAY, ssi=67))
    before = dump_tables(db)
    outcome = add_entry(db, Entry("Ann Lee", DAY, ssi=67))
    assert (outcome.status, outcome.change_id) == ("unchanged", None)
    assert outcome.describe() == (
        "Unchanged: Ann Lee on 2026-12-07 already has SSI 67 (pillars not given)"
    )
    assert dump_tables(db) == before


def test_an_unknown_rep_needs_new_rep_ok(db: Path) -> None:
    before = dump_tables(db)
    with pytest.raises(EntryError, match="no rep called 'Cy Diaz'; add them as new with --new-rep"):
        add_entry(db, Entry("Cy Diaz", DAY, ssi=50))
    assert dump_tables(db) == before
    outcome = add_entry(db, Entry("Cy Diaz", DAY, ssi=50), new_rep_ok=True)
    assert (outcome.rep_id, outcome.new_rep) == ("cy-diaz", True)
    assert outcome.describe() == "Added Cy Diaz (new rep) on 2026-12-07: SSI 50 (pillars not given)"
    assert query(db, "SELECT existed FROM superseded_reps WHERE rep_id = 'cy-diaz'") == [(False,)]


def test_the_first_entry_creates_the_database_only_for_a_new_rep(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    with pytest.raises(EntryError, match="no rep called"):
        add_entry(db, Entry("Ann Lee", DAY, ssi=67))
    assert not db.exists()
    add_entry(db, Entry("Ann Lee", DAY, ssi=67), new_rep_ok=True)
    assert query(db, "SELECT name FROM reps") == [("Ann Lee",)]


def test_invalid_values_write_nothing(db: Path) -> None:
    before = dump_tables(db)
    with pytest.raises(EntryError) as caught:
        add_entry(db, Entry("Ann Lee", DAY, ssi=67, brand=26))
    assert caught.value.problems == ["Brand: expected a number from 0 to 25, got '26'"]
    assert dump_tables(db) == before


def test_a_name_several_reps_share_is_a_problem_naming_them(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    run_import(db, [_export(other, "2026-11-30,ann.lee@other.example,Ann Lee,10,10,10,10,40\n")])
    problems = check_entry(db, Entry("Ann Lee", DAY, ssi=67))
    assert problems == [
        "Rep: 'Ann Lee' could be any of ann.lee@other.example (Ann Lee),"
        " ann@acme.example (Ann Lee); type the rep_id to say which"
    ]
    with pytest.raises(EntryError):
        add_entry(db, Entry("Ann Lee", DAY, ssi=67))
    assert add_entry(db, Entry("ann@acme.example", DAY, ssi=67)).rep_name == "Ann Lee"


def test_a_typo_like_value_is_written_with_a_warning(db: Path) -> None:
    outcome = add_entry(db, Entry("Ann Lee", DAY, ssi=6.7))
    assert outcome.status == "added"
    assert outcome.warnings == ("SSI 6.7 moved by more than half of 66 (2026-11-30); a typo?",)


def test_the_roster_completes_names_then_ids(db: Path, tmp_path: Path) -> None:
    roster = roster_names(db)
    assert [(r.rep_id, r.name) for r in roster] == [
        ("ann@acme.example", "Ann Lee"),
        ("jose-nunez", "José Núñez"),
    ]
    assert completions(roster) == ["Ann Lee", "José Núñez", "ann@acme.example", "jose-nunez"]
    assert roster_names(tmp_path / "none.duckdb") == []
