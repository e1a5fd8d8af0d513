"""`ssi-tui model explain URL` and `ssi-tui model calibrate URL`: on a history on PostgreSQL,
the same output as on the same history in a DuckDB file, byte for byte (issue #24)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from ssi_tui.importing.importer import run_import
from tests.estimate.conftest import ANA, FIXTURES, Invoke, write_activity
from tests.estimate.test_calibrate import _write_activity, _write_official, synthetic_pairs
from tests.pg_server import PostgresServer, copy_history

ZED = {"date": "2026-01-26", "rep_id": "zed@acme.example", "name": "Zed Quinn", "searches": 20}


@pytest.fixture
def same_history(tmp_path: Path, postgres_url: Callable[[], str]) -> tuple[Path, str]:
    """Official scores and activity for 8 reps over 8 weeks, plus history.csv with Ana's and
    Zed's activity, in a file; that file's rows on the server."""
    pairs = synthetic_pairs(8, 8, noise=0.5, seed=3)
    exports = [
        _write_official(tmp_path / "official.csv", pairs),
        _write_activity(tmp_path / "activity.csv", pairs),
        FIXTURES / "history.csv",
        write_activity(tmp_path / "ana.csv", [ANA, {**ZED, "team": "SMB"}]),
    ]
    path, url = tmp_path / "team.duckdb", postgres_url()
    run_import(path, exports)
    copy_history(path, url)
    return path, url


EXPLAINED = [
    ("Ana Lima",),
    ("ANA@acme.example", "--date", "2026-01-19"),
    ("zed quinn",),
    ("rep3@acme.example", "--date", "2026-01-19"),
    ("rep5",),
]


@pytest.mark.parametrize("args", EXPLAINED, ids=lambda args: " ".join(args))
def test_explain_on_a_url_prints_what_it_prints_on_the_file(
    invoke: Invoke, same_history: tuple[Path, str], args: tuple[str, ...]
) -> None:
    path, url = same_history
    from_file = invoke("model", "explain", path, *args)
    from_server = invoke("model", "explain", url, *args)
    assert from_file.exit_code == 0, from_file.output
    assert from_server.exit_code == 0, from_server.output
    assert "SSI (est.)" in from_file.output
    assert from_server.output == from_file.output


@pytest.mark.parametrize(
    "args",
    [("Nobody",), ("bob@acme.example",), ("Ana Lima", "--date", "2026-01-05")],
    ids=["no such rep", "no activity", "no activity that day"],
)
def test_explain_errors_on_a_url_are_the_files_one_line(
    invoke: Invoke, same_history: tuple[Path, str], args: tuple[str, ...]
) -> None:
    path, url = same_history
    from_file = invoke("model", "explain", path, *args)
    from_server = invoke("model", "explain", url, *args)
    assert from_file.exit_code == from_server.exit_code == 1
    assert from_server.output == from_file.output
    assert from_server.output.startswith("Error: ") and from_server.output.count("\n") == 1


def test_calibrate_on_a_url_fits_and_prints_what_it_does_on_the_file(
    invoke: Invoke, same_history: tuple[Path, str], tmp_path: Path
) -> None:
    path, url = same_history
    from_file = invoke("model", "calibrate", path, "--out", "fitted.toml")
    from_server = invoke("model", "calibrate", url, "--out", "fitted.toml")
    assert from_file.exit_code == 0, from_file.output
    assert from_server.exit_code == 0, from_server.output
    assert "65 rep-dates with official scores and activity metrics" in from_file.output
    assert from_server.output == from_file.output


def test_the_model_fitted_on_a_url_is_the_files_and_names_the_url_without_its_password(
    invoke: Invoke, same_history: tuple[Path, str], tmp_path: Path
) -> None:
    path, url = same_history
    with_password = url.replace("postgres@", "postgres:s3cret@")
    for database, out in ((path, "file.toml"), (with_password, "server.toml")):
        result = invoke("model", "calibrate", database, "--out", out)
        assert result.exit_code == 0, result.output
    from_file = (tmp_path / "file.toml").read_text(encoding="utf-8")
    from_server = (tmp_path / "server.toml").read_text(encoding="utf-8")
    assert f"from {url}:" in from_server and "s3cret" not in from_server
    assert from_server.replace(url, path.name) == from_file


def test_calibrate_takes_the_url_the_variable_names(
    invoke: Invoke, same_history: tuple[Path, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, url = same_history
    given = invoke("model", "calibrate", path, "--out", "given.toml")
    monkeypatch.setenv("SSI_TUI_DATABASE", url)
    from_env = invoke("model", "calibrate", "--out", "env.toml")
    assert from_env.exit_code == 0, from_env.output
    assert from_env.output == given.output.replace("given.toml", "env.toml")


def test_opted_out_reps_are_left_out_on_a_url_too(
    invoke: Invoke,
    same_history: tuple[Path, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path, url = same_history
    config = tmp_path / "config.toml"
    config.write_text('[privacy]\nexclude = ["REP2", "rep4@acme.example"]\n', encoding="utf-8")
    monkeypatch.setenv("SSI_TUI_CONFIG", str(config))
    from_file = invoke("model", "calibrate", path, "--out", "m.toml")
    from_server = invoke("model", "calibrate", url, "--out", "m.toml")
    assert "49 rep-dates" in from_file.output
    assert from_server.output == from_file.output
    hidden = invoke("model", "explain", url, "rep2")
    assert hidden.exit_code == 1
    assert hidden.output == "Error: no rep with the id or name 'rep2'.\n"


@pytest.mark.parametrize(
    "command",
    [("explain", "{url}", "Ana Lima"), ("calibrate", "{url}", "--out", "m.toml")],
    ids=["explain", "calibrate"],
)
def test_no_server_or_no_history_is_one_clean_line(
    invoke: Invoke, postgres_url: Callable[[], str], tmp_path: Path, command: tuple[str, ...]
) -> None:
    empty = postgres_url()
    stopped = "postgresql://ana:s3cret@127.0.0.1:1/ssi"
    for url, message in (
        (empty, f"Error: {empty}: no such database (no ssi-tui history in it yet)."),
        (stopped, "Error: postgresql://ana@127.0.0.1:1/ssi: cannot reach the PostgreSQL server"),
    ):
        result = invoke("model", *(part.format(url=url) for part in command))
        assert result.exit_code == 1
        assert result.output.startswith(message) and result.output.count("\n") == 1
        assert "s3cret" not in result.output
    assert not (tmp_path / "m.toml").exists()


def test_reps_sharing_a_name_are_listed_in_the_files_order_whatever_the_servers_collation(
    invoke: Invoke, tmp_path: Path, postgres_server: PostgresServer
) -> None:
    """An en-US collation puts "ana lima" before "Ana Lima"; DuckDB (and the message on a
    file) orders them byte by byte."""
    postgres_server.admin(
        "CREATE DATABASE ssi_en_us TEMPLATE template0"
        " LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"
    )
    url, path = postgres_server.url("ssi_en_us"), tmp_path / "team.duckdb"
    twins = [
        {**ANA, "rep_id": "zz@acme.example", "name": "Ana Lima"},
        {**ANA, "rep_id": "aa@acme.example", "name": "ana lima"},
    ]
    export = write_activity(tmp_path / "twins.csv", twins)
    for database in (path, url):
        run_import(database, [export])
    from_file = invoke("model", "explain", path, "ANA LIMA")
    from_server = invoke("model", "explain", url, "ANA LIMA")
    assert from_file.exit_code == from_server.exit_code == 1
    assert "(zz@acme.example, aa@acme.example)" in from_file.output
    assert from_server.output == from_file.output
