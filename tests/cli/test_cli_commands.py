"""The command line reads as a user expects: a mistyped command is named as one, a database
path still opens, and every option's help says what kind of value it takes."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from ssi_tui.cli.main import cli
from tests.cli.conftest import Invoke


@pytest.mark.parametrize(
    ("arguments", "suggestion"),
    [
        (["frob"], ""),
        (["leaderbord", "t.duckdb"], "Did you mean 'leaderboard'?"),
        (["imprt", "t.duckdb", "a.csv"], "Did you mean 'import'?"),
    ],
    ids=["unknown", "leaderboard-typo", "import-typo"],
)
def test_a_mistyped_command_is_named_as_a_command(
    invoke: Invoke, arguments: list[str], suggestion: str
) -> None:
    result = invoke(*arguments)
    assert result.exit_code == 2
    assert f"No such command '{arguments[0]}'." in result.stderr
    assert suggestion in result.stderr
    assert "no such database" not in result.stderr


@pytest.mark.parametrize("name", ["team.duckdb", "db/team", "./team"])
def test_a_missing_database_path_still_says_no_such_database(invoke: Invoke, name: str) -> None:
    result = invoke(name)
    assert result.exit_code == 1
    assert "no such database" in result.stderr and "ssi-tui demo" in result.stderr


def test_an_existing_file_named_like_a_word_is_opened_as_a_database(
    invoke: Invoke, tmp_path: Path
) -> None:
    (tmp_path / "team").write_text("just text\n", encoding="utf-8")
    result = invoke("team")
    assert result.exit_code == 1
    assert "No such command" not in result.stderr and "team" in result.stderr


def _options(command: click.Command, path: str = "") -> list[tuple[str, click.Option]]:
    found = [(f"{path}{command.name}", p) for p in command.params if isinstance(p, click.Option)]
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            found += _options(sub, f"{path}{command.name} ")
    return found


@pytest.mark.parametrize(
    ("command", "option"),
    [(name, option) for name, option in _options(cli) if not option.is_flag],
    ids=lambda value: value if isinstance(value, str) else value.name,
)
def test_every_option_names_the_value_it_takes(command: str, option: click.Option) -> None:
    """`--as-of TEXT` said nothing; a metavar (DATE, NAME, SECONDS) or a choice says it all."""
    with click.Context(cli) as context:
        shown = option.get_help_record(context)
    assert shown is not None
    assert not re.search(r"\b(TEXT|FLOAT|INTEGER)\b", shown[0]), f"{command}: {shown[0]}"


def test_as_of_says_its_date_format_in_the_help(invoke: Invoke) -> None:
    for command in ("open", "leaderboard"):
        result = invoke(command, "--help")
        assert re.search(r"--as-of YYYY-MM-DD\s", result.stdout), result.stdout


def test_the_table_at_80_columns_cuts_names_never_numbers(invoke: Invoke, tmp_path: Path) -> None:
    """Every number was cut to `2…` while names and teams kept their width."""
    from ssi_tui.importing.importer import run_import
    from ssi_tui.model.board import load_board
    from ssi_tui.resources import sample_data_dir

    db = tmp_path / "team.duckdb"
    run_import(db, [sample_data_dir()])
    terminal = {"COLUMNS": "80", "LINES": "24", "TTY_COMPATIBLE": "1", "NO_COLOR": "1"}
    result = invoke("leaderboard", db, env=terminal)
    assert result.exit_code == 0, result.output
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert max(len(line) for line in text.splitlines()) <= 80, text
    for header in ("SSI", "Brand", "People", "Insights", "Relations", "Δ week"):
        assert header in text
    for row in load_board(db).rows:
        numbers = [f"{row.value(key):.2f}" for key in ("brand", "people", "insights")]
        first_name = row.name.split()[0][:5]
        line = next(
            line for line in text.splitlines() if re.match(rf"\s*{row.rank}\s+{first_name}", line)
        )
        for number in [f"{row.ssi:.0f}", *numbers]:
            assert f" {number} " in line, line


@pytest.mark.parametrize("sort", ["ssi", "improvement", "target"])
def test_every_sort_at_80_columns_keeps_names_readable_and_numbers_whole(
    invoke: Invoke, tmp_path: Path, sort: str
) -> None:
    """`--sort improvement` (and `target`) add a column; names and teams were cut to one letter
    while `As of` kept its width. Now `As of` gives way first."""
    from ssi_tui.importing.importer import run_import
    from ssi_tui.model.board import load_board
    from ssi_tui.resources import sample_data_dir

    db = tmp_path / "team.duckdb"
    run_import(db, [sample_data_dir()])
    terminal = {"COLUMNS": "80", "LINES": "24", "TTY_COMPATIBLE": "1", "NO_COLOR": "1"}
    result = invoke("leaderboard", db, "--sort", sort, env=terminal)
    assert result.exit_code == 0, result.output
    text = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert max(len(line) for line in text.splitlines()) <= 80, text
    for row in load_board(db).rows:
        name = re.escape(row.name.split()[0][:5])  # a name may wrap at its space
        line = next(
            (line for line in text.splitlines() if re.match(rf"\s*{row.rank}\s+{name}", line)),
            None,
        )
        assert line is not None, f"{row.name} cut below 5 letters:\n{text}"
        numbers = [f"{row.ssi:.0f}", *(f"{row.value(k):.2f}" for k in ("brand", "people"))]
        for number in numbers:
            assert f" {number} " in line, line


def test_a_piped_table_keeps_the_as_of_column(invoke: Invoke, tmp_path: Path) -> None:
    from ssi_tui.importing.importer import run_import
    from ssi_tui.resources import sample_data_dir

    db = tmp_path / "team.duckdb"
    run_import(db, [sample_data_dir()])
    result = invoke("leaderboard", db, "--sort", "improvement", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert "As of" in result.stdout and "Δ 4 wk" in result.stdout
