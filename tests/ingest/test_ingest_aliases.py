"""Exports with every spec alias import to the same rep with the right values.

The four alias fixtures hold one row each for "Ana Núñez" (no rep_id column, so the id is
derived from the name) on four consecutive Mondays.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ssi_tui.importing.importer import run_import

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ALIAS_FILES = (
    "aliases_linkedin.csv",
    "aliases_snake.csv",
    "aliases_upper.csv",
    "aliases_short.csv",
)


def test_every_alias_file_imports_to_one_rep_with_its_values(tmp_path: Path) -> None:
    db = tmp_path / "db.duckdb"
    report = run_import(db, [FIXTURES / name for name in ALIAS_FILES])
    assert [(Path(f.path).name, f.added, f.rejected) for f in report.files] == [
        (name, 1, 0) for name in ALIAS_FILES
    ]
    conn = duckdb.connect(str(db), read_only=True)
    reps = conn.execute("SELECT rep_id, name, team FROM reps").fetchall()
    rows = conn.execute(
        "SELECT rep_id, snapshot_date::VARCHAR, ssi, brand, people, insights, relationships,"
        " industry_rank, network_rank FROM snapshots ORDER BY snapshot_date"
    ).fetchall()
    conn.close()
    # Same name in four files, under three different name headers: one rep.
    assert len(reps) == 1
    rep_id = reps[0][0]
    assert reps[0][1:] == ("Ana Núñez", None)
    assert rows == [
        # LinkedIn wording: 13.5 + 12.25 + 11.75 + 14.5 = 52 (= Social Selling Index); Top 12% / 30%
        (rep_id, "2026-01-05", 52.0, 13.5, 12.25, 11.75, 14.5, 12.0, 30.0),
        # snake_case: 14 + 12.5 + 12.5 + 15 = 54 (= ssi_score)
        (rep_id, "2026-01-12", 54.0, 14.0, 12.5, 12.5, 15.0, None, None),
        # UPPER: 14 + 13 + 12.5 + 15.5 = 55 (= overall)
        (rep_id, "2026-01-19", 55.0, 14.0, 13.0, 12.5, 15.5, None, None),
        # short: 14.5 + 13 + 13 + 15.5 = 56 (= total)
        (rep_id, "2026-01-26", 56.0, 14.5, 13.0, 13.0, 15.5, None, None),
    ]


def test_unknown_columns_are_ignored_with_a_one_line_notice(tmp_path: Path) -> None:
    report = run_import(tmp_path / "db.duckdb", [FIXTURES / "aliases_linkedin.csv"])
    assert report.total("added") == 1
    assert len(report.notices) == 1
    notice = report.notices[0]
    assert "\n" not in notice
    assert "aliases_linkedin.csv" in notice and "Notes" in notice
    # Known columns are not mentioned as ignored.
    assert "Social Selling Index" not in notice


def test_tsv_and_bom_are_read(tmp_path: Path) -> None:
    tsv = tmp_path / "export.tsv"
    tsv.write_bytes(
        "\ufeffDate\tFull name\tprof_brand\tpeople\tinsights\trelationships\n"
        "2026-01-05\tAna Lima\t10.5\t10\t10\t10\n".encode()
    )
    report = run_import(tmp_path / "db.duckdb", [tsv])
    assert report.total("added") == 1
    conn = duckdb.connect(str(tmp_path / "db.duckdb"), read_only=True)
    # No total given: 10.5 + 10 + 10 + 10 = 40.5
    assert conn.execute("SELECT ssi, brand FROM snapshots").fetchall() == [(40.5, 10.5)]
    conn.close()
