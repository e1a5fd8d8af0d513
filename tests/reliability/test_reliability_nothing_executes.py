"""Nothing executes (issue #7): no input is ever evaluated, no SQL is ever built, no network.

* The package source (parsed, not grepped, so comments and strings do not count) has no
  eval/exec/compile/__import__, no pickle/marshal/shelve, no os.system/popen/exec/spawn, no
  shell=True, and imports no process or network module -- except `ssi_tui/web/`, the opt-in
  `ssi-tui serve` command's server, which imports exactly the modules listed in ALLOWED.
* Every `.execute(`/`.executemany(` runs a named query file, `resources.query(NAME)`: never an
  f-string, `%` or `.format` SQL; every name given as a literal exists; and the SQL in
  queries/ never reads files, attaches databases or loads extensions.
* An import and the leaderboard work with sockets forbidden, and in a process that has no
  network at all (its own empty network namespace).
"""

from __future__ import annotations

import ast
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ssi_tui import resources
from tests.hostile.support import TEMPLATE_ROWS, csv_text, run_cli

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "ssi_tui"
SOURCES = sorted(PACKAGE.rglob("*.py"))

FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint"}
FORBIDDEN_ATTRIBUTES = re.compile(
    r"^(os\.(system|popen|exec\w*|spawn\w*|startfile|fork\w*)|pickle\.\w+|marshal\.\w+"
    r"|shelve\.\w+|subprocess\.\w+|importlib\.import_module|yaml\.load)$"
)
FORBIDDEN_MODULES = {
    "pickle", "cPickle", "marshal", "shelve", "subprocess", "pty", "socket", "ssl", "http",
    "urllib", "requests", "httpx", "aiohttp", "ftplib", "smtplib", "telnetlib", "xmlrpc",
    "webbrowser", "ctypes", "multiprocessing", "textual_serve",
}  # fmt: skip
ALLOWED = {
    # `ssi-tui serve` (opt-in, loopback by default, token-guarded): textual-serve's web server,
    # which starts each browser session's app process from an argument list (no shell).
    ("ssi_tui/web/access.py", "import socket"),  # this machine's names, for the Host check
    ("ssi_tui/web/access.py", "import urllib.parse"),
    ("ssi_tui/web/server.py", "import urllib.parse"),
    ("ssi_tui/web/server.py", "import textual_serve"),
    ("ssi_tui/web/server.py", "import aiohttp"),
    ("ssi_tui/web/server.py", "import textual_serve.server"),
    ("ssi_tui/web/session.py", "import textual_serve.app_service"),
}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return "?"


def findings(path: Path) -> list[tuple[str, int, str]]:
    """(file, line, what) for every forbidden construct in one source file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    where = str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in FORBIDDEN_MODULES:
                    found.append((where, node.lineno, f"import {alias.name}"))
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module.split(".")[0] in FORBIDDEN_MODULES:
                found.append((where, node.lineno, f"import {node.module}"))
        elif isinstance(node, ast.Call):
            name = _dotted(node.func)
            if name in FORBIDDEN_CALLS or FORBIDDEN_ATTRIBUTES.match(name):
                found.append((where, node.lineno, f"call {name}"))
            for keyword in node.keywords:
                if keyword.arg == "shell" and not (
                    isinstance(keyword.value, ast.Constant) and keyword.value.value is False
                ):
                    found.append((where, node.lineno, "shell=True"))
    return found


def test_the_scan_sees_the_whole_package() -> None:
    assert len(SOURCES) > 30
    assert any(p.name == "importer.py" for p in SOURCES)


def test_the_scan_catches_what_it_forbids(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(
        "import pickle\nimport subprocess as sp\nfrom socket import socket\n"
        "eval('1')\nos.system('x')\nsp.run('x', shell=True)\n",
        encoding="utf-8",
    )
    kinds = {what for (_f, _l, what) in findings(probe)}
    assert {"import pickle", "import subprocess", "import socket", "call eval", "call os.system",
            "shell=True"} <= kinds  # fmt: skip


def test_nothing_evaluates_spawns_or_connects() -> None:
    found = [f for path in SOURCES for f in findings(path)]
    unexpected = [f for f in found if (f[0], f[2]) not in ALLOWED]
    assert unexpected == []


# -- SQL ------------------------------------------------------------------------------------------


def _named_query(node: ast.AST) -> bool:
    """resources.query(NAME) (or query_for(NAME, dialect)) with NAME a literal, a variable, or
    f"migrations/{...}". For PostgreSQL also as psycopg takes it: with its placeholders
    (postgres_sql.pyformat), or as sql.SQL(...).format(...), which fills in only identifiers."""
    if not isinstance(node, ast.Call):
        return False
    wrapped = _wrapped_query(node)
    if wrapped is not None:
        return _named_query(wrapped)
    if _dotted(node.func) in ("resources.query", "query"):
        if len(node.args) != 1:
            return False
    elif _dotted(node.func) != "resources.query_for" or len(node.args) != 2:
        return False
    name = node.args[0]
    if isinstance(name, ast.Constant | ast.Name):
        return isinstance(name, ast.Name) or isinstance(name.value, str)
    if isinstance(name, ast.JoinedStr):
        first = name.values[0]
        return isinstance(first, ast.Constant) and str(first.value) == "migrations/"
    return False


def _wrapped_query(node: ast.Call) -> ast.AST | None:
    """The query inside postgres_sql.pyformat(QUERY), postgres_sql.statement(QUERY, INDEX) (one
    statement of a query file) or sql.SQL(QUERY).format(...), else None."""
    if _dotted(node.func) in ("postgres_sql.pyformat", "pyformat") and len(node.args) == 1:
        return node.args[0]
    if _dotted(node.func) == "postgres_sql.statement" and len(node.args) == 2:
        return node.args[0]
    if (
        isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Call)
        and _dotted(node.func.value.func) == "sql.SQL"
        and len(node.func.value.args) == 1
    ):
        return node.func.value.args[0]
    return None


def _query_call(node: ast.AST) -> ast.AST:
    """The resources.query... call a statement is (unwrapping psycopg's forms)."""
    while isinstance(node, ast.Call) and (wrapped := _wrapped_query(node)) is not None:
        node = wrapped
    return node


def sql_calls() -> list[tuple[str, int, ast.Call]]:
    calls = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and (
                    node.func.attr in ("execute", "executemany", "sql")
                    or (node.func.attr == "copy" and node.args)  # psycopg's COPY, not dict.copy()
                )
            ):
                calls.append((str(path.relative_to(ROOT)), node.lineno, node))
    return calls


STORE_QUERIES = ("run", "rows", "records", "first_row")
"""The store interface's methods (ssi_tui/store/interface.py), each given a query's NAME."""


def store_calls() -> list[tuple[str, int, ast.Call]]:
    """Calls of the store's query methods with a literal first argument."""
    calls = []
    for path in SOURCES:
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in STORE_QUERIES
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                calls.append((str(path.relative_to(ROOT)), node.lineno, node))
    return calls


def test_every_statement_is_a_named_query_file() -> None:
    calls = sql_calls()
    assert len(calls) > 5  # the store's own (everything else goes through it, by name)
    assert len(store_calls()) > 20
    not_names = [
        f"{where}:{line}: {ast.unparse(call)[:80]}"
        for where, line, call in store_calls()
        if not re.fullmatch(r"[a-z0-9_/]+", call.args[0].value)
    ]
    assert not_names == []
    built = [
        f"{where}:{line}: {ast.unparse(call)[:80]}"
        for where, line, call in calls
        if not call.args or not _named_query(call.args[0])
    ]
    assert built == []


def test_every_literal_query_name_exists() -> None:
    names = {
        _query_call(call.args[0]).args[0].value  # type: ignore[attr-defined]
        for _w, _l, call in sql_calls()
        if call.args
        and _named_query(call.args[0])
        and isinstance(_query_call(call.args[0]).args[0], ast.Constant)  # type: ignore[attr-defined]
    }
    names |= {call.args[0].value for _w, _l, call in store_calls()}
    assert names
    for name in names:
        assert any(resources.queries_dir().glob(f"**/{name}.sql")), name


def test_the_sql_never_reaches_outside_the_database() -> None:
    outside = re.compile(
        r"\b(read_csv\w*|read_json\w*|read_parquet|read_text|read_blob|glob|ATTACH|COPY|EXPORT"
        r"|IMPORT|INSTALL|LOAD|httpfs|getenv|system)\b|https?://|s3://",
        re.IGNORECASE,
    )
    for path in sorted(resources.queries_dir().rglob("*.sql")):
        code = "\n".join(line.split("--")[0] for line in path.read_text("utf-8").splitlines())
        if path.name == "canonical_stage.sql":  # the import's fast path: see the test below
            code = code.replace("read_csv(\n    $path,", "", 1)
        if path.relative_to(resources.queries_dir()).as_posix() == "postgres/load_rows.sql":
            code = code.replace("COPY {table} ({names}) FROM STDIN", "", 1)  # from this client
        assert not outside.search(code), f"{path.name}: {outside.search(code)}"


def test_the_import_fast_path_reads_the_named_exports_and_nothing_else(tmp_path: Path) -> None:
    """canonical_stage.sql reads a CSV by path: only on a connection confined to the files named."""
    import duckdb

    from ssi_tui.ingest import canonical_csv
    from ssi_tui.store.duckdb_store import DuckDBStore

    export = tmp_path / "team.csv"
    export.write_text(
        "date,rep_id,name,team,ssi,brand,people,insights,relationships,"
        "industry_rank,network_rank,industry_avg,network_avg\n"
        "2026-05-19,ana@x,Ana,North,50,12.5,12.5,12.5,12.5,10,20,40,45\n",
        encoding="utf-8",
    )
    other = tmp_path / "other.csv"
    other.write_bytes(export.read_bytes())
    columns = canonical_csv.header_columns(export)
    assert columns is not None
    conn = duckdb.connect()
    try:
        assert canonical_csv.stage(DuckDBStore(conn, None), [(0, export, columns)])
        with pytest.raises(duckdb.PermissionException):
            conn.execute(
                resources.query("canonical_stage"),
                {"file_index": 1, "path": str(other), "columns": columns},
            )
        with pytest.raises(duckdb.PermissionException):
            conn.execute(
                resources.query("canonical_stage"),
                {"file_index": 1, "path": str(tmp_path / "*.csv"), "columns": columns},
            )
    finally:
        conn.close()


# -- no network -----------------------------------------------------------------------------------


class NetworkUsed(AssertionError):
    pass


def test_import_and_leaderboard_work_with_sockets_forbidden(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise NetworkUsed("a socket was opened")

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse)
    export = tmp_path / "team.csv"
    export.write_text(csv_text(*TEMPLATE_ROWS), encoding="utf-8")
    db = tmp_path / "team.duckdb"

    result = run_cli(["import", db, export])
    assert result.exit_code == 0, result.output
    for fmt in ("table", "json", "csv", "markdown"):
        result = run_cli(["leaderboard", db, "--format", fmt])
        assert result.exit_code == 0, result.output
        assert "Ann Ash" in result.output


NO_NETWORK_RUN = """
import json, subprocess, sys
db, export = sys.argv[1], sys.argv[2]
run = lambda *args: subprocess.run([sys.executable, "-m", "ssi_tui", *args],
                                   capture_output=True, text=True, timeout=120)
imported = run("import", db, export)
board = run("leaderboard", db, "--format", "json")
print(json.dumps({"import": [imported.returncode, imported.stderr],
                  "board": [board.returncode, board.stdout, board.stderr]}))
"""


def test_import_and_leaderboard_work_without_any_network(tmp_path: Path) -> None:
    """In an empty network namespace even DuckDB's own (C++) downloads would fail."""
    unshare = shutil.which("unshare")
    if unshare is None or subprocess.run([unshare, "-n", "true"]).returncode != 0:
        pytest.skip("cannot create a network namespace here")
    export = tmp_path / "team.csv"
    export.write_text(csv_text(*TEMPLATE_ROWS), encoding="utf-8")
    db = tmp_path / "team.duckdb"
    run = subprocess.run(
        [unshare, "-n", sys.executable, "-c", NO_NETWORK_RUN, str(db), str(export)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert run.returncode == 0, run.stderr
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    assert outcome["import"][0] == 0, outcome
    assert outcome["board"][0] == 0, outcome
    assert len(json.loads(outcome["board"][1])) == 3
