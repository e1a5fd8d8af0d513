"""Benchmarks for issue #24: a history on PostgreSQL next to the same history in a DuckDB file,
measured in the same run on the same machine.

    python benchmarks/postgres.py                 # 1,000 reps x 104 weeks
    python benchmarks/postgres.py --reps 10000

Starts a throwaway PostgreSQL server of its own (tests/pg_server.py: PostgreSQL's programs must
be installed; durability is off there, as in the tests, so writes are faster than on a real
server). Figures, each the best of --repeat runs, each side run alternately:
  first import    `python -m ssi_tui import DB CSV -q` of 104 weeks into a new history, in a
                  fresh process (wall time; a new server history is written locally, then
                  sent whole: store/postgres_build.py);
  weekly import   one more week (one row per rep) into that history, in a fresh process;
  first board     in-process load_board(DB, with_trends=True), as the app reads it, from opening
                  the history to the rows (the server's connection included);
  board, roles    the same after `ssi-tui roles URL setup` (row-level security on), read by a
                  viewer seeing every team, and by one limited to a team (its team's reps only).
  keystrokes      benchmarks/run.py's `interactions` on each side's history (the app in a fresh
                  process, App.run_test + Pilot): press -> first frame that shows the change,
                  in ms, the median of --presses presses (and the slowest), before the roles.
The issue's targets: each PostgreSQL figure at most 3x the file's, the board at most 0.5 s at
1,000 reps, and every keystroke at most 50 ms to its frame (the rows marked * have no target:
a read after the key, or the drill-down's history arriving). Nothing here is a unit test; it
never runs under pytest.
"""

from __future__ import annotations

import argparse
import csv
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WEEKS = 104


def _timed_import(database: str | Path, export: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "ssi_tui", "import", str(database), str(export), "-q"],
        check=True,
        env={**os.environ, "PYTHONPATH": str(ROOT), "SSI_TUI_CACHE_DIR": "off"},
    )
    return time.perf_counter() - started


def _best(runs: int, measure: Callable[[int], float]) -> float:
    return min(measure(run) for run in range(runs))


def _split_last_week(export: Path, history: Path, week: Path) -> None:
    """EXPORT's rows but its last date into HISTORY, the last date's into WEEK."""
    with export.open(newline="", encoding="utf-8") as file:
        rows = list(csv.reader(file))
    header, body = rows[0], rows[1:]
    at = header.index("date")
    last = max(row[at] for row in body)
    for path, keep in ((history, lambda d: d != last), (week, lambda d: d == last)):
        with path.open("w", newline="", encoding="utf-8") as file:
            writer = csv.writer(file)
            writer.writerow(header)
            writer.writerows(row for row in body if keep(row[at]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--presses", type=int, default=5, help="presses per keystroke figure")
    args = parser.parse_args()

    from ssi_tui.model.board import load_board
    from tests import pg_server
    from tools.synthetic import write_csv

    # Stopped with SIGTERM (a timeout), still stop the server: the `finally` below runs.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    binaries = pg_server.binaries()
    if binaries is None:
        sys.exit("PostgreSQL's programs (initdb, pg_ctl) are not installed")
    server = pg_server._start(binaries)
    try:
        with tempfile.TemporaryDirectory() as folder:
            work = Path(folder)
            export, history, week = work / "all.csv", work / "history.csv", work / "week.csv"
            rows = write_csv(export, args.reps, WEEKS + 1, seed=7)
            _split_last_week(export, history, week)
            print(f"{args.reps:,} reps x {WEEKS} weeks ({rows:,} rows with the weekly import)")

            def first_import(kind: str) -> Callable[[int], float]:
                def measure(run: int) -> float:
                    if kind == "file":
                        return _timed_import(work / f"first{run}.duckdb", history)
                    return _timed_import(server.new_database(), history)

                return measure

            def weekly_import(database: str | Path) -> Callable[[int], float]:
                def measure(run: int) -> float:
                    target = database
                    if isinstance(database, Path):
                        target = work / f"weekly{run}.duckdb"
                        target.write_bytes(database.read_bytes())
                    else:
                        name = f"weekly_{run}_{time.monotonic_ns()}"
                        server.admin(
                            f"CREATE DATABASE {name} TEMPLATE {database.rsplit('/', 1)[1]}"
                        )
                        target = server.url(name)
                    return _timed_import(target, week)

                return measure

            def first_board(
                database: str | Path, reps: int | None = None
            ) -> Callable[[int], float]:
                def measure(_run: int) -> float:
                    started = time.perf_counter()
                    board = load_board(database, with_trends=True)
                    assert len(board.rows) == (args.reps if reps is None else reps)
                    return time.perf_counter() - started

                return measure

            figures = []
            file_first = _best(args.repeat, first_import("file"))
            server_first = _best(args.repeat, first_import("server"))
            figures.append(("first import", file_first, server_first))
            file_db = work / "first0.duckdb"
            server_db = server.new_database()
            _timed_import(server_db, history)
            figures.append(
                (
                    "weekly import",
                    _best(args.repeat, weekly_import(file_db)),
                    _best(args.repeat, weekly_import(server_db)),
                )
            )
            figures.append(
                (
                    "first board",
                    _best(args.repeat + 1, first_board(file_db)),
                    _best(args.repeat + 1, first_board(server_db)),
                )
            )
            keystrokes = _keystrokes(file_db, server_db, args.presses)
            figures.extend(_board_with_roles(server, server_db, history, args, first_board))
            print(f"{'':16}{'DuckDB file':>14}{'PostgreSQL':>14}{'ratio':>9}")
            print("(board, viewer / a team: the owner's board of the server, not the file's)")
            for name, local, shared in figures:
                print(f"{name:16}{local:>12.2f} s{shared:>12.2f} s{shared / local:>8.1f}x")
            print()
            print(f"{'keystroke -> frame, ms':30}{'DuckDB file':>16}{'PostgreSQL':>16}")
            print(f"(median of {args.presses} presses, slowest in brackets; *: no target)")
            for label, local, shared in keystrokes:
                print(f"{label:30}{local:>16}{shared:>16}")
    finally:
        pg_server._stop(binaries, server.data)


def _keystrokes(file_db: Path, url: str, presses: int) -> list[tuple[str, str, str]]:
    """run.py's `interactions` on the file and on the server: (label, file, server) per
    interaction, each the median and the slowest press in ms."""
    import statistics

    from benchmarks.run import _NO_TARGET, INTERACTION_LABELS, interaction_figures

    def shown(times: object) -> str:
        if not isinstance(times, list) or not times:
            return str(times)
        return f"{statistics.median(times):.0f} ({max(times):.0f})"

    local, shared = interaction_figures(file_db, presses), interaction_figures(url, presses)
    assert local["rows"] == shared["rows"], (local["rows"], shared["rows"])
    return [
        (label + (" *" if key in _NO_TARGET else ""), shown(local[key]), shown(shared[key]))
        for key, label in INTERACTION_LABELS.items()
    ]


def _board_with_roles(server, url: str, export: Path, args, first_board):  # type: ignore[no-untyped-def]
    """The first board under row-level security: a viewer of every team, one of a team."""
    from ssi_tui.store import postgres_roles

    with export.open(newline="", encoding="utf-8") as file:
        teams = {row["rep_id"]: row["team"] for row in csv.DictReader(file)}
    team = sorted(set(teams.values()))[0]
    postgres_roles.setup(url)
    figures = []
    for label, limit in (("board, viewer", ()), ("board, a team", (team,))):
        login = f"bench_{len(figures)}_{os.getpid()}"
        server.admin(f"CREATE ROLE {login} LOGIN")
        postgres_roles.grant(url, login, "viewer", limit)
        as_login = url.replace(f"//{server.user}@", f"//{login}@", 1)
        reps = sum(1 for t in teams.values() if t == team) if limit else None
        shared = _best(args.repeat + 1, first_board(as_login, reps))
        owner = _best(args.repeat + 1, first_board(url))
        figures.append((f"{label}", owner, shared))
    return figures


if __name__ == "__main__":
    main()
