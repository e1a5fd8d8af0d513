"""`ssi-tui import` of activity exports: recognised by columns, validated, stored, scored."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from ssi_tui.errors import InvalidExportError
from ssi_tui.estimate.measures import MEASURE_KEYS
from ssi_tui.importing.importer import run_import
from ssi_tui.store import database as store
from tests.db_helpers import dump_tables, query
from tests.estimate.conftest import ANA, FIXTURES, Invoke, write_activity
from tests.store.old_schema import as_version_3

BOB = {
    "date": "2026-01-19",
    "rep_id": "bob@acme.example",
    "name": "Bob Stone",
    "team": "Enterprise",
    "searches": 25,
    "connections": 400,
}


def test_an_activity_export_is_stored_and_scored_beside_the_official_numbers(
    tmp_path: Path,
) -> None:
    db = tmp_path / "team.duckdb"
    activity = write_activity(tmp_path / "activity.csv", [ANA, BOB])
    report = run_import(db, [FIXTURES / "history.csv", activity])
    assert [f.added for f in report.files] == [12, 2]
    assert any(
        "1 row with no measure of 'Establish your professional brand'" in n for n in report.notices
    )

    # Raw activity kept; a measure the file lacks (or a blank cell) is NULL, never 0.
    (ana,) = query(
        db,
        "SELECT profile_views, searches, inmails_sent FROM activities"
        " WHERE rep_id = 'ana@acme.example'",
    )
    assert ana == (None, 10.0, 4.0)
    (bob,) = query(
        db,
        "SELECT profile_photo, searches, connections FROM activities"
        " WHERE rep_id = 'bob@acme.example'",
    )
    assert bob == (None, 25.0, 400.0)

    # Official and estimated side by side for the same rep and date.
    rows = query(
        db,
        "SELECT source, ssi, brand, people, insights, relationships FROM snapshots"
        " WHERE rep_id = 'ana@acme.example' AND snapshot_date = DATE '2026-01-19' ORDER BY source",
    )
    assert rows == [
        ("estimated", 46.75, 12.0, 11.25, 11.5, 12.0),
        ("official", 65.0, 17.0, 16.0, 15.0, 17.0),
    ]
    # The estimate and its activity row were written by the same import.
    ((same,),) = query(
        db,
        "SELECT count(*) FROM activities a"
        " JOIN snapshots s USING (rep_id, snapshot_date, import_id) WHERE s.source = 'estimated'",
    )
    assert same == 2


def test_headers_are_matched_through_the_alias_table(tmp_path: Path) -> None:
    path = tmp_path / "activity.csv"
    path.write_text(
        "Date,Full name,Email,Profile photo,Profile completeness,InMails sent,InMails answered,"
        "Invitations sent,Invitations accepted,Connections,Senior connections\n"
        "2026-01-19,Ana Lima,Ana@Acme.example,yes,80 %,10,5,20,12,900,90\n",
        encoding="utf-8",
    )
    db = tmp_path / "team.duckdb"
    run_import(db, [path])
    (row,) = query(
        db,
        "SELECT rep_id, profile_photo, profile_completeness, inmails_answered,"
        " connection_requests_accepted, senior_connections FROM activities",
    )
    assert row == ("ana@acme.example", 1.0, 80.0, 5.0, 12.0, 90.0)


def test_json_records_are_activity_exports_too(tmp_path: Path) -> None:
    path = tmp_path / "activity.json"
    path.write_text(json.dumps([{k: v for k, v in ANA.items()}]), encoding="utf-8")
    db = tmp_path / "team.duckdb"
    run_import(db, [path])
    assert query(db, "SELECT source, ssi FROM snapshots") == [("estimated", 46.75)]


def test_importing_again_changes_nothing_and_a_correction_updates(tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    first = write_activity(tmp_path / "week.csv", [ANA, BOB])
    run_import(db, [first])
    before = dump_tables(db)
    again = run_import(db, [first])
    assert again.files[0].status == "already imported"
    copy = write_activity(tmp_path / "copy_with_other_order.csv", [BOB, ANA])
    same = run_import(db, [copy])
    assert (same.files[0].added, same.files[0].updated, same.files[0].unchanged) == (0, 0, 2)
    after = dump_tables(db)
    assert after["activities"] == before["activities"]
    assert after["snapshots"] == before["snapshots"]

    corrected = write_activity(tmp_path / "corrected.csv", [ANA, {**BOB, "searches": 5}])
    fix = run_import(db, [corrected])
    assert (fix.files[0].added, fix.files[0].updated, fix.files[0].unchanged) == (0, 1, 1)
    assert query(db, "SELECT searches FROM activities WHERE rep_id = 'bob@acme.example'") == [
        (5.0,)
    ]
    # people: searches 5 of 25 -> 9 x 0.2 = 1.8, the only people measure known: x 25/9 = 5.
    assert query(db, "SELECT people FROM snapshots WHERE rep_id = 'bob@acme.example'") == [(5.0,)]


BAD_ROWS = [
    ({"inmails_sent": -1}, "inmails_sent", "expected a count of 0 or more, got '-1'"),
    ({"searches": "many"}, "searches", "expected a count of 0 or more, got 'many'"),
    ({"searches": "inf"}, "searches", "expected a count of 0 or more, got 'inf'"),
    ({"leads_saved": "NaN"}, "leads_saved", "expected a count of 0 or more, got 'NaN'"),
    ({"profile_completeness": 101}, "profile_completeness", "expected a percentage from 0 to 100"),
    ({"profile_photo": 2}, "profile_photo", "expected 0 or 1 (no photo or a photo), got '2'"),
    (
        {"inmails_answered": 5},
        "inmails_answered",
        "inmails_answered (5) is more than inmails_sent (4)",
    ),
    (
        {"connection_requests_accepted": 11},
        "connection_requests_accepted",
        "connection_requests_accepted (11) is more than connection_requests_sent (10)",
    ),
    (
        {"senior_connections": 1501},
        "senior_connections",
        "senior_connections (1501) is more than connections (1500) on the same row",
    ),
    ({"name": ""}, "name", "missing value; expected the rep's name"),
    ({"date": "2026-02-30"}, "date", "expected a real date as YYYY-MM-DD, got '2026-02-30'"),
]


@pytest.mark.parametrize(("change", "column", "message"), BAD_ROWS, ids=[r[1] for r in BAD_ROWS])
def test_an_invalid_value_rejects_the_import_naming_file_line_and_column(
    invoke: Invoke, tmp_path: Path, change: dict, column: str, message: str
) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    before = dump_tables(db)
    path = write_activity(tmp_path / "activity.csv", [BOB, {**ANA, **change}])
    result = invoke("import", db, path)
    assert result.exit_code == 1
    assert "Import rejected" in result.output
    assert f"{path}:3: column '{column}': {message}" in result.output
    assert "Traceback" not in result.output
    assert dump_tables(db) == before


def test_a_row_without_any_measure_and_conflicting_rows_are_errors(tmp_path: Path) -> None:
    rows = [
        {"date": "2026-01-19", "name": "Nobody"},
        BOB,
        {**BOB, "searches": 3},
    ]
    path = write_activity(tmp_path / "activity.csv", rows)
    with pytest.raises(InvalidExportError) as caught:
        run_import(tmp_path / "team.duckdb", [path])
    shown = [str(p) for p in caught.value.problems]
    assert f"{path}:2: no activity value on this row; expected at least one measure" in shown
    assert any(
        s.startswith(f"{path}:3: column 'date': conflicting rows for rep 'bob@acme.example'")
        for s in shown
    )
    assert not (tmp_path / "team.duckdb").exists()


def test_a_file_mixing_pillars_and_activity_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text(
        "date,name,brand,people,insights,relationships,searches\n2026-01-19,Ana,1,2,3,4,5\n",
        encoding="utf-8",
    )
    result = invoke("import", tmp_path / "team.duckdb", path)
    assert result.exit_code == 1
    assert (
        f"{path}:1: mixes SSI score columns (brand, people, insights, relationships) with"
        " activity columns (searches)"
    ) in result.output


def test_an_error_in_another_file_writes_no_activity_either(invoke: Invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    before = dump_tables(db)
    good = write_activity(tmp_path / "activity.csv", [ANA])
    bad = tmp_path / "official.csv"
    bad.write_text("date,name,brand,people,insights,relationships\n2026-01-26,Ana Lima,30,1,1,1\n")
    result = invoke("import", db, good, bad)
    assert result.exit_code == 1
    assert dump_tables(db) == before


def test_skip_invalid_and_dry_run(invoke: Invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    path = write_activity(tmp_path / "activity.csv", [ANA, {**BOB, "searches": -2}])
    dry = invoke("import", db, path, "--dry-run", "--skip-invalid")
    assert dry.exit_code == 0, dry.output
    assert "1 new, 0 corrected, 0 unchanged, 1 rejected" in dry.output
    assert not db.exists()
    done = invoke("import", db, path, "--skip-invalid", "--json")
    summary = json.loads(done.output)
    assert (summary["added"], summary["rejected"]) == (1, 1)
    assert query(db, "SELECT rep_id, source FROM snapshots") == [("ana@acme.example", "estimated")]


def test_a_bad_model_file_is_a_clean_error_and_writes_nothing(
    invoke: Invoke, tmp_path: Path
) -> None:
    model = tmp_path / "model.toml"
    model.write_text("format = 1\n[brand]\nbase = 30\n", encoding="utf-8")
    path = write_activity(tmp_path / "activity.csv", [ANA])
    result = invoke("import", tmp_path / "team.duckdb", path, "--model", model)
    assert result.exit_code == 1
    assert f"Error: {model}: " in result.output
    assert not (tmp_path / "team.duckdb").exists()


def test_every_measure_has_a_column_in_the_store(tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [write_activity(tmp_path / "a.csv", [ANA])])
    columns = [
        c
        for (c,) in query(
            db,
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = 'activities' ORDER BY ordinal_position",
        )
    ]
    assert columns == ["rep_id", "snapshot_date", *MEASURE_KEYS, "model_hash", "import_id"]


def _as_schema_2(db: Path) -> None:
    """Make DB look like one written before activities existed (schema version 2)."""
    as_version_3(db)
    conn = duckdb.connect(str(db))
    try:
        conn.execute("DROP TABLE activities")
        conn.execute("DROP TABLE estimate_models")
        conn.execute("UPDATE ssi_meta SET value = '2' WHERE key = 'schema_version'")
    finally:
        conn.close()


def test_an_older_database_gains_the_activities_table_with_its_data_kept(
    invoke: Invoke, tmp_path: Path
) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    _as_schema_2(db)
    before = dump_tables(db)["snapshots"]
    path = write_activity(tmp_path / "activity.csv", [ANA])
    dry = invoke("import", db, path, "--dry-run")
    assert dry.exit_code == 1
    assert "run `ssi-tui upgrade" in dry.output
    done = invoke("import", db, path)
    assert done.exit_code == 0, done.output
    after = dump_tables(db)
    kept = {row[: len(before[0])] for row in after["snapshots"]}  # version 5 added columns
    assert set(before) <= kept
    assert len(after["activities"]) == 1
    version = query(db, "SELECT value FROM ssi_meta WHERE key = 'schema_version'")
    assert version == [(str(store.SCHEMA_VERSION),)]
