"""Importing into the store: one snapshot per (rep, date), idempotence, corrections, the log,
and all-or-nothing writes."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from ssi_tui import resources
from ssi_tui.errors import DatabaseError, InvalidExportError
from ssi_tui.importing.importer import run_import
from ssi_tui.importing.options import ImportOptions
from ssi_tui.store import database as store
from tests.db_helpers import query

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SNAPSHOT_COLUMNS = (
    "rep_id, snapshot_date::VARCHAR, ssi, brand, people, insights, relationships,"
    " industry_rank, network_rank, industry_avg, network_avg"
)

Dump = Callable[[Path], dict[str, list[tuple]]]


def snapshot(db: Path, rep_id: str, date: str) -> tuple:
    rows = query(
        db,
        f"SELECT {SNAPSHOT_COLUMNS} FROM snapshots"
        f" WHERE rep_id = '{rep_id}' AND snapshot_date = DATE '{date}'",
    )
    assert len(rows) == 1, rows
    return rows[0]


def rep_of(db: Path, name: str) -> str:
    rows = query(db, f"SELECT rep_id FROM reps WHERE name = '{name}'")
    assert len(rows) == 1, rows
    return rows[0][0]


def test_canonical_import_stores_every_value_with_its_decimals(tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    report = run_import(db, [FIXTURES / "canonical.csv"])
    assert [(f.status, f.added, f.updated, f.unchanged, f.rejected) for f in report.files] == [
        ("imported", 3, 0, 0, 0)
    ]
    assert (report.files[0].reps, report.files[0].first_date) == (3, "2026-03-02")

    # Zoe has no total: 15.25 + 14.5 + 12.75 + 17.125 = 59.625, decimals kept.
    assert snapshot(db, "zoe.hart@acme.example", "2026-03-02") == (
        "zoe.hart@acme.example",
        "2026-03-02",
        59.625,
        15.25,
        14.5,
        12.75,
        17.125,
        4.0,
        11.5,
        38.1,
        46.0,
    )
    # Yann: a profile URL as id; 10.01 + 9.99 + 8.5 + 11.5 = 40 = the total given;
    # network rank 100 and network average 0 are the inclusive edges of their ranges.
    yann = rep_of(db, "Yann Roux")
    assert snapshot(db, yann, "2026-03-02")[2:] == (
        40.0,
        10.01,
        9.99,
        8.5,
        11.5,
        50.0,
        100.0,
        38.1,
        0.0,
    )
    # Xia: no rep_id, no team; 0 + 25 + 0 + 25 = 50; rank "Top 0.5%"; optional blanks are NULL.
    xia = rep_of(db, "Xia Chen")
    assert xia
    assert snapshot(db, xia, "2026-03-02")[2:] == (
        50.0,
        0.0,
        25.0,
        0.0,
        25.0,
        0.5,
        None,
        None,
        None,
    )
    assert query(db, "SELECT name, team FROM reps ORDER BY name") == [
        ("Xia Chen", None),
        ("Yann Roux", "SMB"),
        ("Zoe Hart", "Enterprise"),
    ]


def test_profile_url_and_bare_slug_are_the_same_rep(tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [FIXTURES / "canonical.csv"])
    report = run_import(db, [FIXTURES / "slug.csv"])
    assert report.total("added") == 1
    yann = rep_of(db, "Yann Roux")
    # slug.csv: 11 + 10 + 9 + 12 = 42 (no total column).
    assert query(
        db, f"SELECT snapshot_date::VARCHAR, ssi FROM snapshots WHERE rep_id = '{yann}' ORDER BY 1"
    ) == [("2026-03-02", 40.0), ("2026-03-09", 42.0)]


def test_derived_rep_id_is_stable_across_files_and_databases(tmp_path: Path) -> None:
    later = tmp_path / "later.csv"
    # The same name, differently cased and spaced: still the same person.
    later.write_text(
        "date,name,brand,people,insights,relationships\n2026-02-09,  ANA   lima ,16,15,15,15\n",
        encoding="utf-8",
    )
    first, second = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    run_import(first, [FIXTURES / "import_dir"])
    run_import(first, [later])
    run_import(second, [FIXTURES / "import_dir" / "team_a.csv"])
    assert query(first, "SELECT count(*) FROM reps") == [(2,)]  # Ana Lima, Bob Stone
    ana = rep_of(second, "Ana Lima")
    # 15 * 4 = 60 on 2026-02-02; 16 + 15 + 15 + 15 = 61 on 2026-02-09, for the same id.
    assert query(
        first,
        f"SELECT snapshot_date::VARCHAR, ssi FROM snapshots WHERE rep_id = '{ana}' ORDER BY 1",
    ) == [("2026-02-02", 60.0), ("2026-02-09", 61.0)]


def test_importing_the_same_file_twice_changes_nothing(history_db: Path, dump: Dump) -> None:
    before = dump(history_db)
    report = run_import(history_db, [FIXTURES / "history.csv"])
    assert [f.status for f in report.files] == ["already imported"]
    assert (report.total("added"), report.total("updated")) == (0, 0)
    assert dump(history_db) == before


def test_the_same_file_twice_in_one_call_is_read_once(tmp_path: Path) -> None:
    copy = tmp_path / "copy.csv"
    copy.write_bytes((FIXTURES / "week4.csv").read_bytes())
    report = run_import(tmp_path / "db.duckdb", [FIXTURES / "week4.csv", copy])
    assert [f.status for f in report.files] == ["imported", "already imported"]
    assert report.total("added") == 2


def test_same_rows_in_another_file_are_counted_unchanged(history_db: Path, dump: Dump) -> None:
    before = dump(history_db)
    report = run_import(history_db, [FIXTURES / "history_reordered.csv"])
    assert [(f.added, f.updated, f.unchanged) for f in report.files] == [(0, 0, 3)]
    after = dump(history_db)
    assert after["snapshots"] == before["snapshots"]
    assert after["reps"] == before["reps"]
    assert query(
        history_db,
        "SELECT file_name, rows_added, rows_updated, rows_unchanged, rows_rejected FROM imports"
        " ORDER BY import_id",
    ) == [("history.csv", 12, 0, 0, 0), ("history_reordered.csv", 0, 0, 3, 0)]


def test_a_corrected_value_replaces_the_old_one_and_counts_as_updated(history_db: Path) -> None:
    report = run_import(history_db, [FIXTURES / "correction.csv"])
    assert [(f.added, f.updated, f.unchanged) for f in report.files] == [(0, 1, 1)]
    # Bob on 2026-01-19 was 55 = 14 + 13 + 13 + 15; corrected to 56 = 15 + 13 + 13 + 15.
    assert snapshot(history_db, "bob@acme.example", "2026-01-19")[2:7] == (
        56.0,
        15.0,
        13.0,
        13.0,
        15.0,
    )
    assert query(history_db, "SELECT count(*) FROM snapshots") == [(12,)]
    assert query(
        history_db,
        "SELECT rows_added, rows_updated, rows_unchanged FROM imports"
        " WHERE file_name = 'correction.csv'",
    ) == [(0, 1, 1)]


@pytest.mark.parametrize("path", ["fast", "polars"])
def test_a_file_without_ranks_or_averages_keeps_the_stored_ones(tmp_path: Path, path: str) -> None:
    """An export that leaves ranks and averages out (the board's own CSV export, a team
    report) says nothing about them: it must not erase them, or count as a correction. A
    corrected rank is still a correction, and keeps the values the file leaves blank."""
    db = tmp_path / "team.duckdb"
    full = tmp_path / "full.csv"
    full.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships,"
        "industry_rank,network_rank,industry_avg,network_avg\n"
        "2026-11-16,ann@acme.example,Ann Lee,West,60,15,15,15,15,4,11,38.5,46\n",
        encoding="utf-8",
    )
    run_import(db, [full])
    extra = ",rank" if path == "polars" else ""  # an unknown column: the Polars path reads it
    bare = tmp_path / "bare.csv"
    bare.write_text(
        f"date,rep_id,name,team,ssi,brand,people,insights,relationships{extra}\n"
        f"2026-11-16,ann@acme.example,Ann Lee,West,60,15,15,15,15{',1' if extra else ''}\n",
        encoding="utf-8",
    )
    report = run_import(db, [bare])
    assert [(f.added, f.updated, f.unchanged) for f in report.files] == [(0, 0, 1)]
    assert snapshot(db, "ann@acme.example", "2026-11-16")[7:] == (4.0, 11.0, 38.5, 46.0)

    corrected = tmp_path / "corrected.csv"
    corrected.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships,network_rank\n"
        "2026-11-16,ann@acme.example,Ann Lee,West,60,15,15,15,15,9\n",
        encoding="utf-8",
    )
    report = run_import(db, [corrected])
    assert [(f.added, f.updated, f.unchanged) for f in report.files] == [(0, 1, 0)]
    assert snapshot(db, "ann@acme.example", "2026-11-16")[7:] == (4.0, 9.0, 38.5, 46.0)


def test_import_log_records_name_hash_and_counts(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    run_import(db, [FIXTURES / "history.csv", FIXTURES / "week4.csv"])
    expected = [
        (name, hashlib.sha256((FIXTURES / name).read_bytes()).hexdigest(), added, 0, 0, 0)
        for name, added in (("history.csv", 12), ("week4.csv", 2))
    ]
    assert (
        query(
            db,
            "SELECT file_name, content_hash, rows_added, rows_updated, rows_unchanged,"
            " rows_rejected FROM imports ORDER BY file_name",
        )
        == expected
    )


def test_rejected_two_file_import_leaves_the_database_exactly_as_it_was(
    history_db: Path, dump: Dump
) -> None:
    before = dump(history_db)
    raw_before = history_db.read_bytes(), os.stat(history_db).st_mtime_ns
    with pytest.raises(InvalidExportError):
        run_import(history_db, [FIXTURES / "week4.csv", FIXTURES / "invalid" / "pillar_range.csv"])
    assert dump(history_db) == before
    assert (history_db.read_bytes(), os.stat(history_db).st_mtime_ns) == raw_before
    # Nothing of the good first file was recorded either: importing it now adds its 2 rows.
    assert run_import(history_db, [FIXTURES / "week4.csv"]).total("added") == 2


def test_rejected_import_does_not_create_a_missing_database(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    with pytest.raises(InvalidExportError):
        run_import(db, [FIXTURES / "week4.csv", FIXTURES / "invalid" / "total_sum.csv"])
    assert not db.exists()


def test_a_failure_while_writing_rolls_back_every_file(
    history_db: Path, dump: Dump, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = dump(history_db)
    real_query = resources.query

    def failing_query(name: str) -> str:
        if name == "import_insert_snapshots":  # the last statement, after updates and the log
            raise RuntimeError("disk full")
        return real_query(name)

    monkeypatch.setattr(resources, "query", failing_query)
    with pytest.raises(RuntimeError, match="disk full"):
        run_import(history_db, [FIXTURES / "correction.csv", FIXTURES / "week4.csv"])
    assert dump(history_db) == before


def test_skip_invalid_imports_the_valid_rows_and_reports_the_rest(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    report = run_import(
        db, [FIXTURES / "invalid" / "pillar_range.csv"], ImportOptions(skip_invalid=True)
    )
    assert [(p.line, p.column) for p in report.problems] == [(3, "brand"), (4, "insights")]
    assert [(f.added, f.rejected) for f in report.files] == [(1, 2)]
    # Only Ana's row is valid: 25 + 0 + 25 + 0 = 50.
    assert query(db, "SELECT ssi, brand, people, insights, relationships FROM snapshots") == [
        (50.0, 25.0, 0.0, 25.0, 0.0)
    ]
    assert query(db, "SELECT rows_added, rows_rejected FROM imports") == [(1, 2)]


def test_conflicting_rows_across_two_files_of_one_import_are_rejected(
    tmp_path: Path, dump: Dump, history_db: Path
) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    header = "date,rep_id,name,brand,people,insights,relationships\n"
    one.write_text(header + "2026-02-02,ana@acme.example,Ana Lima,15,15,15,15\n", encoding="utf-8")
    two.write_text(header + "2026-02-02,ana@acme.example,Ana Lima,16,15,15,15\n", encoding="utf-8")
    before = dump(history_db)
    with pytest.raises(InvalidExportError) as caught:
        run_import(history_db, [one, two])
    assert sorted((Path(p.file).name, p.line, p.column) for p in caught.value.problems) == [
        ("one.csv", 2, "date"),
        ("two.csv", 2, "date"),
    ]
    assert dump(history_db) == before


def test_dry_run_does_not_create_a_missing_database(tmp_path: Path) -> None:
    db = tmp_path / "nowhere" / "new.duckdb"
    report = run_import(db, [FIXTURES / "history.csv"], ImportOptions(dry_run=True))
    assert [(f.status, f.added) for f in report.files] == [("would import", 12)]
    assert not db.exists()
    assert not db.parent.exists()


def test_dry_run_counts_against_an_existing_database_without_writing(
    history_db: Path, dump: Dump
) -> None:
    before = dump(history_db)
    raw_before = history_db.read_bytes()
    report = run_import(
        history_db,
        [FIXTURES / "week4.csv", FIXTURES / "correction.csv"],
        ImportOptions(dry_run=True),
    )
    # week4: two new dates; correction: Bob's total changed, Ana's identical.
    assert [(f.added, f.updated, f.unchanged) for f in report.files] == [(2, 0, 0), (0, 1, 1)]
    assert dump(history_db) == before
    assert history_db.read_bytes() == raw_before


def test_import_into_a_newer_database_is_refused_and_writes_nothing(
    history_db: Path, dump: Dump
) -> None:
    conn = duckdb.connect(str(history_db))
    conn.execute("UPDATE ssi_meta SET value = '99' WHERE key = 'schema_version'")
    conn.close()
    before = dump(history_db)
    with pytest.raises(DatabaseError, match="newer"):
        run_import(history_db, [FIXTURES / "week4.csv"])
    assert dump(history_db) == before


def one_more_migration(monkeypatch: pytest.MonkeyPatch, name: str, sql: str) -> None:
    """Pretend this code knows one more schema version, NAME, made by SQL."""
    real_query = resources.query

    def with_it(query_name: str) -> str:
        return sql if query_name == f"migrations/{name}" else real_query(query_name)

    monkeypatch.setattr(resources, "query", with_it)
    monkeypatch.setattr(store, "MIGRATIONS", (*store.MIGRATIONS, name))
    monkeypatch.setattr(store, "SCHEMA_VERSION", len(store.MIGRATIONS))


def test_import_migrates_an_older_database(
    history_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one_more_migration(
        monkeypatch, "0002_nickname", "ALTER TABLE reps ADD COLUMN nickname VARCHAR;"
    )
    report = run_import(history_db, [FIXTURES / "week4.csv"])
    assert report.total("added") == 2
    newest = str(store.SCHEMA_VERSION)
    assert query(history_db, "SELECT value FROM ssi_meta WHERE key = 'schema_version'") == [
        (newest,)
    ]


def test_a_new_database_gets_its_whole_schema_or_none_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A schema that fails at its end: the tables before must not stay behind in the new file.
    real_query = resources.query

    def failing_at_the_end(name: str) -> str:
        extra = "\nSELECT error('this step fails');" if name == "schema" else ""
        return real_query(name) + extra

    monkeypatch.setattr(resources, "query", failing_at_the_end)
    path = tmp_path / "new.duckdb"
    with pytest.raises(duckdb.Error, match="this step fails"), store.open_write(path):
        pass
    conn = duckdb.connect(str(path))
    try:
        assert store.schema_version(conn) is None
        assert conn.execute("SELECT count(*) FROM duckdb_tables()").fetchone() == (0,)
    finally:
        conn.close()


def test_identical_row_in_two_files_of_one_import_is_counted_unchanged(tmp_path: Path) -> None:
    again = tmp_path / "again.csv"
    # Ana's week4 row again, columns in another order (so not the same file content).
    again.write_text(
        "rep_id,date,name,team,ssi,brand,people,insights,relationships\n"
        "ana@acme.example,2026-01-26,Ana Lima,Enterprise,66,17,16,16,17\n",
        encoding="utf-8",
    )
    report = run_import(tmp_path / "db.duckdb", [FIXTURES / "week4.csv", again])
    assert [(f.added, f.updated, f.unchanged, f.rejected) for f in report.files] == [
        (2, 0, 0, 0),
        (0, 0, 1, 0),
    ]


def test_no_connection_draws_duckdbs_progress_bar(history_db: Path, tmp_path: Path) -> None:
    """A query over two seconds would print DuckDB's bar on stdout: into `--json`, or the app."""
    setting = "SELECT current_setting('enable_progress_bar')"
    with store.open_read(history_db) as conn:
        assert conn.execute(setting).fetchall() == [(False,)]
    with store.open_write(history_db) as conn:
        assert conn.execute(setting).fetchall() == [(False,)]
    with store.open_scratch(tmp_path / "new.duckdb") as conn:
        assert conn.execute(setting).fetchall() == [(False,)]


def _history_with(tmp_path: Path, header: str, replace: dict[str, str]) -> Path:
    """history.csv with HEADER as its first line and some of its lines replaced."""
    lines = (FIXTURES / "history.csv").read_text().splitlines()
    lines = [header, *(replace.get(line, line) for line in lines[1:])]
    path = tmp_path / "renamed.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


# Our own header takes the fast path (DuckDB alone); a capitalised one, the Polars path.
HEADERS = pytest.mark.parametrize(
    "header",
    [
        "date,rep_id,name,team,ssi,brand,people,insights,relationships",
        "Date,rep_id,Name,Team,SSI,Brand,People,Insights,Relationships",
    ],
    ids=["fast path", "polars path"],
)


@HEADERS
def test_a_rename_on_unchanged_scores_renames_the_rep(
    history_db: Path, tmp_path: Path, header: str
) -> None:
    # Ana's newest snapshot, same scores, under a new name and team.
    export = _history_with(
        tmp_path,
        header,
        {
            "2026-01-19,ana@acme.example,Ana Lima,Enterprise,65,17,16,15,17": (
                "2026-01-19,ana@acme.example,Ana Lima-Souza,SMB,65,17,16,15,17"
            )
        },
    )
    report = run_import(history_db, [export])
    assert [(f.added, f.updated, f.unchanged, f.reps) for f in report.files] == [(0, 0, 12, 6)]
    assert query(history_db, "SELECT name, team FROM reps WHERE rep_id = 'ana@acme.example'") == [
        ("Ana Lima-Souza", "SMB")
    ]


@HEADERS
def test_old_history_under_another_name_renames_nobody(
    history_db: Path, tmp_path: Path, header: str
) -> None:
    export = _history_with(
        tmp_path,
        header,
        {
            "2026-01-05,ana@acme.example,Ana Lima,Enterprise,60,15,15,15,15": (
                "2026-01-05,ana@acme.example,Ana Maiden,SMB,60,15,15,15,15"
            )
        },
    )
    report = run_import(history_db, [export])
    assert report.total("unchanged") == 12
    assert query(history_db, "SELECT name, team FROM reps WHERE rep_id = 'ana@acme.example'") == [
        ("Ana Lima", "Enterprise")
    ]
