"""`ssi-tui roles URL ...` with real roles on the test server (issue #24): a viewer cannot write,
an importer can import but not grant, a team-limited login sees only its teams' reps by every
command and by SQL of its own, and an admin sees everything."""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import Invoke
from tests.pg_server import PostgresServer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def _team(team: str) -> set[str]:
    """The reps of TEAM in tests/fixtures/history.csv."""
    import csv

    with (FIXTURES / "history.csv").open(encoding="utf-8") as rows:
        return {row["rep_id"] for row in csv.DictReader(rows) if row["team"] == team}


ENTERPRISE = _team("Enterprise")
SMB = _team("SMB")

_logins = itertools.count()


@pytest.fixture
def shared(invoke: Invoke, postgres_url: Callable[[], str]) -> str:
    """tests/fixtures/history.csv imported by the database's owner, and the roles set up."""
    url = postgres_url()
    assert invoke("import", url, FIXTURES / "history.csv").exit_code == 0
    done = invoke("roles", url, "setup")
    assert done.exit_code == 0, done.output
    assert "ssi_viewer, ssi_importer, ssi_admin" in done.stdout
    return url


@pytest.fixture
def login(postgres_server: PostgresServer) -> Callable[[str], tuple[str, Callable[[str], str]]]:
    """A new login role on the server; its name, and a URL maker connecting as it."""

    def make(prefix: str) -> tuple[str, Callable[[str], str]]:
        name = f"{prefix}_{os.getpid()}_{next(_logins)}"
        postgres_server.admin(f"CREATE ROLE {name} LOGIN")
        return name, lambda url: url.replace(f"//{postgres_server.user}@", f"//{name}@", 1)

    return make


def _board_reps(invoke: Invoke, url: str) -> set[str]:
    import json

    result = invoke("leaderboard", url, "--format", "json")
    assert result.exit_code == 0, result.output
    return {row["rep_id"] for row in json.loads(result.stdout)}


def _grant(invoke: Invoke, url: str, *args: str) -> None:
    result = invoke("roles", url, "grant", *args)
    assert result.exit_code == 0, result.output


def test_a_viewer_reads_the_board_but_cannot_import(invoke: Invoke, shared: str, login) -> None:
    name, as_login = login("viewer")
    _grant(invoke, shared, name, "viewer")
    assert _board_reps(invoke, as_login(shared)) == ENTERPRISE | SMB
    result = invoke("import", as_login(shared), FIXTURES / "week4.csv")
    assert result.exit_code == 1
    assert f"permission denied: {name} is a viewer" in result.stderr
    assert result.stderr.count("\n") == 1
    for write in (
        ["reps", "rename", as_login(shared), "Ana Lima", "Ana X"],
        ["undo", as_login(shared)],
    ):
        refused = invoke(*write)
        assert refused.exit_code == 1, refused.output
        assert "is a viewer" in refused.stderr
    assert invoke("history", shared).stdout.count("file import") == 1
    for look in (
        ["undo", as_login(shared), "--dry-run"],
        ["import", as_login(shared), FIXTURES / "week4.csv", "--dry-run"],
    ):
        looked = invoke(*look)
        assert looked.exit_code == 0, looked.output
        assert "Nothing written" in looked.stdout or "Dry run" in looked.stdout


def test_an_importer_imports_but_cannot_grant(invoke: Invoke, shared: str, login) -> None:
    name, as_login = login("importer")
    other, _ = login("other")
    _grant(invoke, shared, name, "importer")
    done = invoke("import", as_login(shared), FIXTURES / "week4.csv")
    assert done.exit_code == 0, done.output
    refused = invoke("roles", as_login(shared), "grant", other, "viewer")
    assert refused.exit_code == 1
    assert f"permission denied: {name} is an importer" in refused.stderr
    assert other not in invoke("roles", shared, "list").stdout


def test_a_team_limited_login_sees_only_its_team(invoke: Invoke, shared: str, login) -> None:
    import psycopg

    name, as_login = login("smb")
    assert invoke("import", shared, FIXTURES / "correction.csv").exit_code == 0  # Enterprise's
    for target in (
        ["--team", "Enterprise", "70"],
        ["--team", "SMB", "60"],
        ["--rep", "Ana Lima", "80"],
    ):
        assert invoke("target", shared, *target).exit_code == 0
    _grant(invoke, shared, name, "viewer", "--team", "SMB")
    url = as_login(shared)
    assert _board_reps(invoke, url) == SMB
    listed = invoke("reps", "list", url)
    assert listed.exit_code == 0, listed.output
    assert "Eve Park" in listed.stdout
    assert "Ana Lima" not in listed.stdout and "Enterprise" not in listed.stdout
    with psycopg.connect(url) as conn:
        for table in ("reps", "snapshots", "best_points", "superseded_snapshots"):
            seen = {rep for (rep,) in conn.execute(f"SELECT DISTINCT rep_id FROM {table}".encode())}
            assert seen <= SMB, table
        assert conn.execute(b"SELECT count(*) FROM superseded_snapshots").fetchone() == (0,)
        assert {r for (r,) in conn.execute(b"SELECT rep_id FROM snapshots")} == SMB
        assert conn.execute(b"SELECT scope, key FROM targets").fetchall() == [("team", "SMB")]
    assert _board_reps(invoke, shared) == ENTERPRISE | SMB  # the owner still sees all
    with psycopg.connect(shared) as conn:  # and the corrected values the login did not see
        assert conn.execute(b"SELECT count(*) FROM superseded_snapshots").fetchone() != (0,)


def test_a_limited_login_sees_its_team_in_the_history_copy_too(
    invoke: Invoke, shared: str, login, tmp_path: Path
) -> None:
    name, as_login = login("copier")
    _grant(invoke, shared, name, "viewer", "--team", "Enterprise")
    copied = invoke("copy", as_login(shared), tmp_path / "mine.duckdb")
    assert copied.exit_code == 0, copied.output
    assert _board_reps(invoke, tmp_path / "mine.duckdb") == ENTERPRISE


def test_an_admin_sees_every_team_and_grants(invoke: Invoke, shared: str, login) -> None:
    name, as_login = login("admin")
    manager, as_manager = login("manager")
    _grant(invoke, shared, name, "admin")
    assert _board_reps(invoke, as_login(shared)) == ENTERPRISE | SMB
    _grant(invoke, as_login(shared), manager, "importer", "--team", "Enterprise")
    assert _board_reps(invoke, as_manager(shared)) == ENTERPRISE
    listed = invoke("roles", as_login(shared), "list").stdout.splitlines()
    assert f"{name}: admin, every team" in listed
    assert f"{manager}: importer, Enterprise" in listed


def test_granting_again_replaces_the_role_and_the_teams(invoke: Invoke, shared: str, login) -> None:
    name, as_login = login("moved")
    _grant(invoke, shared, name, "importer", "--team", "SMB")
    _grant(invoke, shared, name, "viewer")
    assert f"{name}: viewer, every team" in invoke("roles", shared, "list").stdout.splitlines()
    assert _board_reps(invoke, as_login(shared)) == ENTERPRISE | SMB
    refused = invoke("import", as_login(shared), FIXTURES / "week4.csv")
    assert "is a viewer" in refused.stderr


def test_setup_twice_is_setup_once(invoke: Invoke, shared: str) -> None:
    again = invoke("roles", shared, "setup")
    assert again.exit_code == 0, again.output


def test_a_login_without_a_role_is_told_so(invoke: Invoke, shared: str, login) -> None:
    name, as_login = login("nobody")
    result = invoke("leaderboard", as_login(shared))
    assert result.exit_code == 1
    assert f"permission denied: {name} has no ssi-tui role on this history" in result.stderr


def test_a_missing_login_and_a_file_are_clear_errors(
    invoke: Invoke, shared: str, tmp_path: Path
) -> None:
    missing = invoke("roles", shared, "grant", "no_such_login", "viewer")
    assert missing.exit_code == 1
    assert "no role 'no_such_login' on the server" in missing.stderr
    hostile = invoke("roles", shared, "grant", 'x"; DROP TABLE reps; --', "viewer")
    assert hostile.exit_code == 1 and "no role" in hostile.stderr
    on_file = invoke("roles", tmp_path / "team.duckdb", "setup")
    assert on_file.exit_code == 2 and "PostgreSQL" in on_file.stderr


def test_a_team_limited_importer_writes_only_its_team(
    invoke: Invoke, shared: str, login, tmp_path: Path
) -> None:
    name, as_login = login("limited")
    _grant(invoke, shared, name, "importer", "--team", "SMB")
    url = as_login(shared)
    everyone = invoke("import", url, FIXTURES / "week4.csv")  # Enterprise's reps too
    assert everyone.exit_code == 1
    assert f"permission denied: {name} may see and change only the teams SMB" in everyone.stderr
    own = tmp_path / "smb.csv"
    own.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
        "2026-01-26,eve@acme.example,Eve Park,SMB,41,10,11,10,10\n"
        "2026-01-26,new@acme.example,New One,SMB,30,7.5,7.5,7.5,7.5\n",
        encoding="utf-8",
    )
    done = invoke("import", url, own)
    assert done.exit_code == 0, done.output
    assert _board_reps(invoke, url) == SMB | {"new@acme.example"}
    assert invoke("reps", "rename", url, "Ana Lima", "Ana X").exit_code == 1  # not theirs
    undo = invoke("undo", url)
    assert undo.exit_code == 1
    assert "only a login that sees every team can undo" in undo.stderr
    owner_history = invoke("history", shared).stdout
    assert "smb.csv" in owner_history and "undone" not in owner_history.lower()
    assert _board_reps(invoke, shared) == ENTERPRISE | SMB | {"new@acme.example"}


def test_a_rep_id_of_another_team_is_refused_cleanly(
    invoke: Invoke, shared: str, login, tmp_path: Path
) -> None:
    name, as_login = login("taken")
    _grant(invoke, shared, name, "importer", "--team", "SMB")
    export = tmp_path / "moved.csv"
    export.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
        "2026-01-26,ana@acme.example,Ana Lima,SMB,41,10,11,10,10\n",  # Enterprise's Ana
        encoding="utf-8",
    )
    result = invoke("import", as_login(shared), export)
    assert result.exit_code == 1
    assert f"permission denied: {name} sees only the teams SMB" in result.stderr
    assert "belongs to another team's rep" in result.stderr
    assert _board_reps(invoke, shared) == ENTERPRISE | SMB


def test_a_login_named_like_sql_is_only_a_name(
    invoke: Invoke, shared: str, postgres_server: PostgresServer
) -> None:
    odd = f'Lee-Smith "x"; DROP TABLE reps; {os.getpid()}'
    quoted = odd.replace('"', '""')
    postgres_server.admin(f'CREATE ROLE "{quoted}" LOGIN')
    _grant(invoke, shared, odd, "viewer", "--team", "SMB")
    assert f"{odd}: viewer, SMB" in invoke("roles", shared, "list").stdout.splitlines()
    assert _board_reps(invoke, shared) == ENTERPRISE | SMB


def test_a_revoked_login_reads_nothing(invoke: Invoke, shared: str, login) -> None:
    name, as_login = login("gone")
    _grant(invoke, shared, name, "importer", "--team", "SMB")
    done = invoke("roles", shared, "revoke", name)
    assert done.exit_code == 0, done.output
    assert name not in invoke("roles", shared, "list").stdout
    refused = invoke("leaderboard", as_login(shared))
    assert f"permission denied: {name} has no ssi-tui role" in refused.stderr
    again = invoke("roles", shared, "revoke", name)
    assert again.exit_code == 0 and "held no ssi-tui role" in again.stderr


def test_setup_on_a_new_database_makes_the_history_for_an_importer(
    invoke: Invoke, postgres_url: Callable[[], str], login
) -> None:
    url = postgres_url()
    assert invoke("roles", url, "setup").exit_code == 0
    name, as_login = login("first")
    _grant(invoke, url, name, "importer")
    done = invoke("import", as_login(url), FIXTURES / "history.csv")
    assert done.exit_code == 0, done.output
    assert _board_reps(invoke, as_login(url)) == ENTERPRISE | SMB


def test_a_team_limited_login_sees_only_its_teams_changes_and_imports(
    invoke: Invoke, shared: str, login, tmp_path: Path
) -> None:
    """A change's summary names reps ("typed: Ana Lima ...", a rename) and a file: another
    team's changes are not shown, by `history`, `undo` or SQL; the shared file of both teams
    is seen by logins seeing every team."""
    import psycopg

    for args in (
        ["add", shared, "--rep", "Ana Lima", "--ssi", "61", "--date", "2026-02-02"],
        ["add", shared, "--rep", "Eve Park", "--ssi", "42", "--date", "2026-02-02"],
        ["reps", "rename", shared, "Bob Stone", "Robert Stone"],
    ):
        assert invoke(*args).exit_code == 0, args
    smb_file = tmp_path / "smb_week.csv"
    smb_file.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships\n"
        "2026-02-09,eve@acme.example,Eve Park,SMB,43,10,11,11,11\n",
        encoding="utf-8",
    )
    assert invoke("import", shared, smb_file).exit_code == 0
    name, as_login = login("smb")
    _grant(invoke, shared, name, "viewer", "--team", "SMB")
    url = as_login(shared)

    shown = invoke("history", url)
    assert shown.exit_code == 0, shown.output
    assert "typed: Eve Park 2026-02-02" in shown.stdout and "smb_week.csv" in shown.stdout
    for other in ("Ana Lima", "Bob Stone", "Robert Stone", "history.csv"):
        assert other not in shown.stdout, other
    everything = invoke("history", shared).stdout
    assert "Ana Lima" in everything and "Robert Stone" in everything  # the owner sees all
    with psycopg.connect(url) as conn:
        summaries = [s for (s,) in conn.execute(b"SELECT summary FROM changes")]
        files = [f for (f,) in conn.execute(b"SELECT file_name FROM imports")]
    assert not any("Ana" in s or "Stone" in s for s in summaries), summaries
    assert "history.csv" not in files and "smb_week.csv" in files
    ana_change = next(
        line.split()[0] for line in everything.splitlines() if "typed: Ana Lima" in line
    )
    planned = invoke("undo", url, ana_change.lstrip("#"), "--dry-run")
    assert "Ana Lima" not in planned.output + planned.stderr
