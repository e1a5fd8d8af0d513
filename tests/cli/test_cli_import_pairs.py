"""Every pair of a set of the repository's test exports, imported together: never a traceback.

The set (EXPORTS) is one file of each kind under tests/fixtures/, so that the pairs stay fast
(about 0.1-0.3 s an import): valid exports (our own columns, which take the fast path; the
history already in the database, so skipped; a correction of it, which conflicts with it in
one import; LinkedIn's wording with an unknown column; slugs without totals), invalid ones (a
missing value, a wrong total, a conflicting duplicate), other dialects (JSON, JSON Lines,
Excel, `;`, long exports good and bad, ambiguous dates, an undated file and the same bytes
dated by its name) and the everyday mix of issue #20 (a hand-typed sheet, a Sales Navigator
export, a small file dated by its name, one lacking a pillar, activity exports with and without
names). Each pair is imported twice into a copy of a database that holds history.csv: as two
file arguments (second file first) and as a folder (first file first), so both orders are
tried. Each file's import alone is known (a session fixture), so a file refused alone must be
named when it is imported with another.
"""

from __future__ import annotations

import itertools
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ssi_tui.cli.main import cli
from ssi_tui.importing.importer import run_import

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXPORTS: list[Path] = [
    FIXTURES / name
    for name in (
        "canonical.csv",
        "history.csv",
        "correction.csv",
        "aliases_linkedin.csv",
        "slug.csv",
        "invalid/missing_value.csv",
        "invalid/total_sum.csv",
        "invalid/duplicate.csv",
        "wild/api.json",
        "wild/records.jsonl",
        "wild/csv_renamed.xlsx",
        "wild/semicolon.csv",
        "wild/long.csv",
        "wild/long_unknown_metric.csv",
        "wild/dates_ambiguous.csv",
        "wild/no_date.csv",
        "wild/ssi_2026-05-19.csv",
        "mixed/weekly_sheet.csv",
        "mixed/sales_navigator.csv",
        "mixed/ssi_2026-11-16.csv",
        "mixed/no_people.csv",
        "mixed/activity.csv",
        "mixed/activity_no_name.csv",
    )
]
PAIRS = list(itertools.combinations(EXPORTS, 2))


def _name(path: Path) -> str:
    return str(path.relative_to(FIXTURES))


@pytest.fixture(scope="session")
def history_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("pairs") / "history.duckdb"
    run_import(db, [FIXTURES / "history.csv"])
    return db


@pytest.fixture(scope="session")
def refused_alone(tmp_path_factory: pytest.TempPathFactory, history_database: Path) -> set[Path]:
    """The exports whose import alone (into the history database) exits 1."""
    refused = set()
    folder = tmp_path_factory.mktemp("alone")
    for index, export in enumerate(EXPORTS):
        db = folder / f"{index}.duckdb"
        shutil.copyfile(history_database, db)
        result = _import(db, export, home=folder)
        if result.exit_code == 1:
            refused.add(export)
    return refused


def _import(db: Path, *paths: Path, home: Path) -> Result:
    env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "xdg")}
    return CliRunner().invoke(cli, ["import", str(db), *map(str, paths)], env=env)


def _fingerprint(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), os.stat(path).st_mtime_ns


def _check(result: Result, db: Path, before: tuple[bytes, int], shown: dict[Path, str]) -> None:
    """Exit 0 or 1, no traceback; on 1 every problem names a file of the pair, the database
    is untouched, and a file refused alone is named."""
    crash = result.exception if not isinstance(result.exception, SystemExit) else None
    assert crash is None, f"uncaught {crash!r}\n{result.output}"
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 0:
        return
    assert _fingerprint(db) == before, "a refused import changed the database"
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Import rejected: "), result.stderr
    for line in lines[1:]:
        assert line.startswith(tuple(shown.values())) or line.startswith("... and "), line


@pytest.mark.slow
@pytest.mark.parametrize(
    ("first", "second"), PAIRS, ids=[f"{_name(a)}+{_name(b)}" for a, b in PAIRS]
)
def test_a_pair_of_exports_imports_or_is_refused_cleanly(
    first: Path,
    second: Path,
    tmp_path: Path,
    history_database: Path,
    refused_alone: set[Path],
) -> None:
    db = tmp_path / "team.duckdb"
    shutil.copyfile(history_database, db)
    before = _fingerprint(db)
    result = _import(db, second, first, home=tmp_path)
    _check(result, db, before, {first: str(first), second: str(second)})
    for export in {first, second} & refused_alone:
        assert result.exit_code == 1, f"{_name(export)} is refused alone, not with another"
        assert str(export) in result.stderr, f"{_name(export)} not named:\n{result.stderr}"

    folder = tmp_path / "exports"
    copies = {first: folder / "1" / first.name, second: folder / "2" / second.name}
    for original, copy in copies.items():
        copy.parent.mkdir(parents=True)
        shutil.copyfile(original, copy)
    shutil.copyfile(history_database, db)
    before = _fingerprint(db)
    result = _import(db, folder, home=tmp_path)
    shown = {original: str(copy.resolve()) for original, copy in copies.items()}
    _check(result, db, before, shown)
    for export in {first, second} & refused_alone:
        assert result.exit_code == 1, f"{_name(export)} is refused alone, not in a folder"
        assert shown[export] in result.stderr, f"{_name(export)} not named:\n{result.stderr}"
