"""ImportOptions: the one value an import is run with; its content-key options come from it."""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from ssi_tui.cli.main import cli
from ssi_tui.importing import importer
from ssi_tui.importing.import_report import file_content_key
from ssi_tui.importing.options import ImportOptions
from ssi_tui.ingest.header_map import HeaderMap, parse_header_map
from ssi_tui.store.changes import ChangeKind

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

READING = {
    "sheet": "B",
    "default_date": dt.date(2026, 5, 19),
    "date_format": "%d/%m/%Y",
    "header_map": parse_header_map(["Prospecting=people"]),
}
"""Options that change what a file reads as."""
WRITING = {
    "dry_run": True,
    "skip_invalid": True,
    "strict": True,
    "map_hint": "Headers to map: {pair}",
    "change_kind": ChangeKind.TYPED,
    "remember": True,
    "use_remembered": False,
    "map_remembered": True,
    "date_format_remembered": True,
    # The learned day order only reads dates that would otherwise be refused: the same file
    # is not read another way by it, so it is no part of the key.
    "day_order": "%d/%m/%Y",
}
"""Options that change what is done with the rows (or how messages spell a mapping), not what
they are: the dialog's import of a file is the CLI's."""


def _key(options: ImportOptions) -> str:
    return file_content_key(FIXTURES / "week4.csv", **options.content_options())


@pytest.mark.parametrize("name", sorted(READING))
def test_each_reading_option_changes_a_files_content_key(name: str) -> None:
    assert _key(replace(ImportOptions(), **{name: READING[name]})) != _key(ImportOptions())


@pytest.mark.parametrize("name", sorted(WRITING))
def test_writing_options_leave_the_content_key_alone(name: str) -> None:
    assert _key(replace(ImportOptions(), **{name: WRITING[name]})) == _key(ImportOptions())


def test_an_empty_mapping_is_no_mapping() -> None:
    assert ImportOptions(header_map=HeaderMap()).content_options() == (
        ImportOptions().content_options()
    )
    assert ImportOptions(header_map=HeaderMap()).fast_path_allowed


def test_a_mapping_or_a_model_takes_the_general_path() -> None:
    assert ImportOptions().fast_path_allowed
    assert not ImportOptions(header_map=READING["header_map"]).fast_path_allowed  # type: ignore[arg-type]
    assert not ImportOptions(model_path=Path("model.toml")).fast_path_allowed


def test_every_option_is_covered_here() -> None:
    assert {f.name for f in fields(ImportOptions)} == {*READING, *WRITING, "model_path"}


def test_ssi_tui_import_runs_one_import_options_of_its_flags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: list[ImportOptions] = []

    def run_import(_db: Path, _paths: object, options: ImportOptions, **_: object) -> object:
        given.append(options)
        raise importer.InvalidExportError([])

    monkeypatch.setattr(importer, "run_import", run_import)
    arguments = ["import", str(tmp_path / "t.duckdb"), str(FIXTURES / "week4.csv")]
    flags = ["--dry-run", "--strict", "--sheet", "B", "--date", "2026-05-19"]
    CliRunner().invoke(cli, [*arguments, *flags, "--date-format", "%d/%m/%Y"])
    (options,) = given
    assert options == ImportOptions(
        dry_run=True,
        strict=True,
        sheet="B",
        default_date=dt.date(2026, 5, 19),
        date_format="%d/%m/%Y",
        header_map=options.header_map,
    )
    assert not options.header_map
