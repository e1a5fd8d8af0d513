"""Benchmarks for issue #5: every figure printed next to a floor measured in the same run.

    python benchmarks/run.py                      # 100, 1,000 and 10,000 reps x 104 weeks
    python benchmarks/run.py --reps 10000 --repeat 5
    python benchmarks/run.py --data-dir benchmarks/data   # keep (and reuse) the CSVs

Data comes from the project's own generator (tools.synthetic.write_csv, seed 7), written to
a temporary folder unless --data-dir is given (benchmarks/data/ is git-ignored). Databases
always go to a temporary folder. Timings on a shared machine are noisy, so each subprocess
figure is the best of --repeat runs, each side run alternately with its floor, and what
matters is the ratio in the last column.

Figures (per size):
  import        `python -m ssi_tui import DB CSV -q` into a new database, in a fresh process,
                vs DuckDB's own `CREATE TABLE t AS SELECT * FROM read_csv(CSV)` in a fresh
                process of the same Python (wall time and peak RSS of the child process).
  re-import     the same file again (skipped by its content hash, known without opening the
                database: import_skip.py), and a copy whose only difference is the missing
                final newline (new hash: every row is read, validated and classified
                unchanged), each vs the first import.
  start-up      process spawn -> first frame of the leaderboard showing data (`ssi-tui DB`,
                headless) vs a minimal Textual app showing one label, measured identically:
                with a board kept (the file unchanged since the last start, or changed by an
                ssi-tui import, which keeps it fresh), and with none (read from the file).
  undo          (issue #23) into a new database: the first import, a weekly import of 10,000
                rows (the file's last week, a week later), its undo (target: no longer than
                that import), a correcting import of the last week (every row's relationships
                0.1 higher: each stored row kept in superseded_snapshots), what those kept rows
                cost (the file's growth and the import's peak RSS, beside the weekly import's),
                its undo, and the undo of the whole first import (target: at most twice it).
  interactions  in-process (App.run_test + Pilot), press -> first frame that shows the change:
                sort key, as-of week, one filter keystroke, drill-down (Enter) and the rep
                history arriving in it, then the next rep's (n); median of several presses.
                Target 50 ms. The app reads the weeks either side of the board ahead; `same,
                not read ahead` empties that cache before each press, so the board is read
                after the key.

Nothing here is a unit test (no test_*.py names); it never runs under pytest.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WEEKS = 104
SIZES = (100, 1_000, 10_000)
SCREEN = (120, 40)

# Runs a command and prints its wall time and peak RSS. A fresh wrapper per measurement, so
# RUSAGE_CHILDREN holds exactly one child; it imports nothing heavy itself.
_MEASURE = r"""
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": done.returncode, "wall": wall, "rss_kb": usage.ru_maxrss,
                  "stderr": done.stderr.decode(errors="replace")[-3000:]}))
"""

# DuckDB's own import of the same file: the floor for `ssi-tui import`.
_DUCKDB_CTAS = r"""
import sys
import duckdb
conn = duckdb.connect(sys.argv[1])
path = sys.argv[2].replace("'", "''")
conn.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}')")
conn.close()
"""

# The same, but into the ssi-tui schema (an empty migrated database): what DuckDB alone needs
# to load the file into the snapshots table, without validation or the board rollup. Not a
# target, a second floor.
_DUCKDB_INSERT = r"""
import sys
import duckdb
conn = duckdb.connect(sys.argv[1])
path = sys.argv[2].replace("'", "''")
conn.execute(
    "INSERT INTO snapshots SELECT lower(rep_id), date, 'official', ssi, brand, people, insights,"
    " relationships, industry_rank, network_rank, industry_avg, network_avg, 1,"
    " DATE '9999-12-31', NULL, NULL"  # no board points worked out
    f" FROM read_csv('{path}')"
)
conn.close()
"""

# Start-up: both sides run under this same script. A hook on App._display (called once per
# composed frame, right after the compositor rendered it) exits the app on the first frame
# that shows what the side is about, and reports the time since the parent spawned us.
_STARTUP = r"""
import json, os, sys, time
from textual.app import App

T0 = float(os.environ["SSI_BENCH_T0"])
SIZE = (int(os.environ["SSI_BENCH_W"]), int(os.environ["SSI_BENCH_H"]))
first_frame = None
_display = App._display


def ready(app):
    screen = app.screen
    if sys.argv[1] == "floor":
        return bool(screen.query("Label"))
    if type(screen).__name__ != "LeaderboardScreen" or getattr(screen, "board", None) is None:
        return False
    table = screen.query_one("#board")
    return bool(table.display and len(table.rows))


def hooked(self, screen, renderable):
    global first_frame
    _display(self, screen, renderable)
    if first_frame is None and renderable is not None and ready(self):
        first_frame = time.time() - T0
        self.exit()


App._display = hooked
_run = App.run


def run(self, *args, **kwargs):
    kwargs.update(headless=True, size=SIZE)
    return _run(self, *args, **kwargs)


App.run = run
if sys.argv[1] == "floor":
    from textual.widgets import Label

    class Minimal(App):
        def compose(self):
            yield Label("ssi-tui")

    Minimal().run()
else:
    from ssi_tui.entry import main  # what the `ssi-tui` script runs

    sys.argv = ["ssi-tui", sys.argv[2]]
    try:
        main()
    except SystemExit:
        pass
print(json.dumps({"first_frame": first_frame}), file=sys.__stderr__)
"""


@dataclass
class Row:
    """One line of the result table."""

    size: int
    figure: str
    value: float | None
    unit: str
    floor_name: str
    floor: float | None
    target: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.floor:
            return None
        return self.value / self.floor


@dataclass
class Results:
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, *args: object, **kwargs: object) -> Row:
        row = Row(*args, **kwargs)  # type: ignore[arg-type]
        self.rows.append(row)
        return row


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # Bytecode as an installed package has it (pip compiles it; Python caches it on first
    # import): without it every start compiles ssi-tui's modules again (~0.1 s) while the
    # floor's Textual loads its own precompiled. Some sandboxes turn caching off globally.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def measure(command: list[str], cache: Path | None = None) -> dict[str, object]:
    """Wall time (s) and peak RSS (MB) of COMMAND, run in a fresh wrapper process (with
    CACHE as ssi-tui's cache folder, if given)."""
    env = _env()
    if cache is not None:
        env["SSI_TUI_CACHE_DIR"] = str(cache)
    out = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    result = json.loads(out.stdout)
    if result["rc"] != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result['stderr']}")
    result["rss_mb"] = result["rss_kb"] / 1024
    return result


def _remove_db(path: Path) -> None:
    for p in (path, path.with_name(path.name + ".wal")):
        p.unlink(missing_ok=True)


def data_file(data_dir: Path, reps: int, weeks: int) -> Path:
    """The synthetic export for REPS x WEEKS (seed 7), generated unless already there."""
    from tools import synthetic

    path = data_dir / f"ssi_{reps}x{weeks}_seed7.csv"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".part")
        rows = synthetic.write_csv(partial, reps, weeks, seed=7)
        partial.replace(path)
        print(
            f"  generated {rows:,} rows ({path.stat().st_size / 1e6:.0f} MB)"
            f" in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
    return path


def bench_import(
    results: Results, reps: int, weeks: int, csv: Path, work: Path, repeat: int
) -> None:
    """First import, both re-imports and peak memory, each against its floor."""
    # A copy that differs only by the missing final newline: a new hash, the same rows.
    changed = work / f"changed_{reps}.csv"
    data = csv.read_bytes()
    changed.write_bytes(data[:-1] if data.endswith(b"\n") else data + b"\n")
    db = work / f"import_{reps}.duckdb"
    floor_db = work / f"floor_{reps}.duckdb"
    schema_db = work / f"schema_{reps}.duckdb"
    template = work / "empty_schema.duckdb"
    cache = work / "cache"  # ssi-tui's own (import_skip.py), not the user's
    if not template.exists():
        from ssi_tui.store import database as store

        with store.open_write(template):
            pass
    ssi = [sys.executable, "-m", "ssi_tui", "import"]
    runs: dict[str, list[dict[str, object]]] = {
        k: [] for k in ("floor", "schema", "first", "same", "changed")
    }
    for _ in range(repeat):
        _remove_db(floor_db)
        runs["floor"].append(measure([sys.executable, "-c", _DUCKDB_CTAS, str(floor_db), str(csv)]))
        _remove_db(schema_db)
        shutil.copy(template, schema_db)
        runs["schema"].append(
            measure([sys.executable, "-c", _DUCKDB_INSERT, str(schema_db), str(csv)])
        )
        _remove_db(db)
        shutil.rmtree(cache, ignore_errors=True)
        runs["first"].append(measure([*ssi, str(db), str(csv), "-q"], cache))
        runs["same"].append(measure([*ssi, str(db), str(csv), "-q"], cache))
        runs["changed"].append(measure([*ssi, str(db), str(changed), "-q"], cache))
    _check_reimport(db, reps * weeks)
    for path in (floor_db, schema_db, db):
        _remove_db(path)
    changed.unlink()

    def best(kind: str) -> float:
        return min(float(r["wall"]) for r in runs[kind])  # type: ignore[arg-type]

    def peak(kind: str) -> float:
        return max(float(r["rss_mb"]) for r in runs[kind])  # type: ignore[arg-type]

    first = best("first")
    results.add(reps, "import (new db)", first, "s", "duckdb CTAS", best("floor"), "<=1.25x")
    results.add(
        reps,
        "  same, 2nd floor: into schema",
        first,
        "s",
        "duckdb INSERT",
        best("schema"),
        note="DuckDB alone into the migrated schema",
    )
    results.add(reps, "re-import, same file (hash)", best("same"), "s", "first import", first)
    results.add(
        reps, "re-import, all unchanged", best("changed"), "s", "first import", first, "<=0.3x"
    )
    results.add(
        reps, "peak RSS, import", peak("first"), "MB", "duckdb CTAS", peak("floor"), "<=1.2x"
    )
    results.add(reps, "peak RSS, re-import", peak("changed"), "MB", "duckdb CTAS", peak("floor"))


def _check_reimport(db: Path, rows_in_file: int) -> None:
    """The changed copy must have been read in full and left every row as it was."""
    import duckdb

    conn = duckdb.connect(str(db), read_only=True)
    try:
        rows = conn.execute(
            "SELECT rows_added, rows_updated, rows_unchanged FROM imports ORDER BY import_id"
        ).fetchall()
    finally:
        conn.close()
    added, updated, unchanged = rows[-1]
    if added or updated or unchanged != rows_in_file:
        raise RuntimeError(f"re-import was not all-unchanged: {rows[-1]}")


def _next_week(csv: Path, out: Path, *, correct: bool) -> int:
    """The file's last week written to OUT: a week later (a weekly import), or, when CORRECT,
    on its own date with every relationships value and total 0.1 higher (a correcting import,
    each row replacing a stored one). Returns the number of rows."""
    import csv as csvlib
    import datetime as dt

    with csv.open(encoding="utf-8", newline="") as source:
        reader = csvlib.reader(source)
        header = next(reader)
        date, ssi, relationships = (header.index(c) for c in ("date", "ssi", "relationships"))
        last, rows = "", []
        for row in reader:
            if row[date] > last:
                last, rows = row[date], []
            if row[date] == last:
                rows.append(row)
    for row in rows:
        if correct:
            bump = 0.1 if float(row[relationships]) <= 24.9 else -0.1
            row[relationships] = f"{float(row[relationships]) + bump:.2f}"
            row[ssi] = f"{float(row[ssi]) + bump:.2f}"
        else:
            row[date] = (dt.date.fromisoformat(row[date]) + dt.timedelta(days=7)).isoformat()
    with out.open("w", encoding="utf-8", newline="") as target:
        writer = csvlib.writer(target, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)


def _file_mb(db: Path) -> float:
    """The database's size on disk (with its write-ahead log), in MB."""
    wal = db.with_name(db.name + ".wal")
    return (db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)) / 1e6


def bench_undo(results: Results, reps: int, csv: Path, work: Path, repeat: int) -> None:
    """Undo of a weekly import, of a correcting one and of the first import, each against the
    import it undoes; and what keeping the corrected rows costs (issue #23's Numbers)."""
    weekly, fixing = work / f"weekly_{reps}.csv", work / f"fixing_{reps}.csv"
    week_rows = _next_week(csv, weekly, correct=False)
    _next_week(csv, fixing, correct=True)
    db = work / f"undo_{reps}.duckdb"
    cache = work / "cache-undo"
    ssi = [sys.executable, "-m", "ssi_tui"]
    runs: dict[str, list[dict[str, object]]] = {
        k: [] for k in ("first", "week", "undo_week", "fix", "undo_fix", "undo_first")
    }
    growth: list[float] = []
    for _ in range(repeat):
        _remove_db(db)
        shutil.rmtree(cache, ignore_errors=True)
        runs["first"].append(measure([*ssi, "import", str(db), str(csv), "-q"], cache))
        runs["week"].append(measure([*ssi, "import", str(db), str(weekly), "-q"], cache))
        runs["undo_week"].append(measure([*ssi, "undo", str(db)], cache))
        before = _file_mb(db)
        runs["fix"].append(measure([*ssi, "import", str(db), str(fixing), "-q"], cache))
        growth.append(_file_mb(db) - before)
        _check_kept(db, week_rows)
        runs["undo_fix"].append(measure([*ssi, "undo", str(db)], cache))
        runs["undo_first"].append(measure([*ssi, "undo", str(db)], cache))
    _remove_db(db)
    weekly.unlink()
    fixing.unlink()

    def best(kind: str) -> float:
        return min(float(r["wall"]) for r in runs[kind])  # type: ignore[arg-type]

    def peak(kind: str) -> float:
        return max(float(r["rss_mb"]) for r in runs[kind])  # type: ignore[arg-type]

    rows = f"{week_rows:,} rows"
    results.add(reps, f"weekly import ({rows})", best("week"), "s", "first import", best("first"))
    results.add(
        reps, "undo of the weekly import", best("undo_week"), "s", "weekly import",
        best("week"), "<=1x",
    )  # fmt: skip
    results.add(
        reps, f"correcting import ({rows})", best("fix"), "s", "weekly import", best("week"),
        note="every row corrected: each old row kept in superseded_snapshots",
    )  # fmt: skip
    results.add(
        reps, "  its file growth", min(growth), "MB", "", None,
        note=f"{min(growth) * 1e6 / week_rows:.0f} bytes a corrected row (new values and old)",
    )  # fmt: skip
    results.add(
        reps, "  its peak RSS", peak("fix"), "MB", "weekly import", peak("week"),
        note="the kept rows' cost in memory",
    )  # fmt: skip
    results.add(
        reps, "undo of the correcting import", best("undo_fix"), "s", "correcting import",
        best("fix"), "<=1x",
    )  # fmt: skip
    results.add(
        reps, "undo of the first import", best("undo_first"), "s", "first import",
        best("first"), "<=2x", note=f"peak RSS {peak('undo_first'):.0f} MB",
    )  # fmt: skip


def _check_kept(db: Path, rows: int) -> None:
    """The correcting import must have corrected every row of its week, and kept each."""
    import duckdb

    conn = duckdb.connect(str(db), read_only=True)
    try:
        (kept,) = conn.execute(
            "SELECT count(*) FROM superseded_snapshots"
            " WHERE change_id = (SELECT max(change_id) FROM changes)"
        ).fetchone()  # type: ignore[misc]
    finally:
        conn.close()
    if kept != rows:
        raise RuntimeError(f"the correcting import kept {kept} rows, not {rows}")


def startup_once(kind: str, db: Path | None, cache: str = "off") -> tuple[float, float]:
    """(spawn -> first frame, spawn -> exit) of one headless start, in seconds.

    CACHE is the folder of boards kept between starts (ssi_tui/board_cache.py), or `off`.
    """
    env = _env()
    env.update(SSI_BENCH_W=str(SCREEN[0]), SSI_BENCH_H=str(SCREEN[1]), SSI_TUI_CACHE_DIR=cache)
    args = [sys.executable, "-c", _STARTUP, kind, *([str(db)] if db else [])]
    env["SSI_BENCH_T0"] = repr(time.time())
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    wall = time.perf_counter() - started
    lines = [line for line in done.stderr.splitlines() if line.startswith('{"first_frame"')]
    if done.returncode != 0 or not lines or json.loads(lines[-1])["first_frame"] is None:
        raise RuntimeError(f"start-up ({kind}) failed:\n{done.stderr[-3000:]}")
    return json.loads(lines[-1])["first_frame"], wall


def bench_startup(results: Results, reps: int, db: Path, repeat: int) -> None:
    """Start-up twice over: the usual start, with the board kept (see board_cache.py), and a
    start with none kept for the view (the board read from the file)."""
    cache = str(db.parent / f"board-cache-{reps}")
    startup_once("app", db, cache)  # the start before: keeps the board
    floor, warm, cold = [], [], []
    for _ in range(repeat):
        floor.append(startup_once("floor", None))
        warm.append(startup_once("app", db, cache))
        cold.append(startup_once("app", db, "off"))
    floor_first = min(f for f, _ in floor)
    results.add(
        reps,
        "start -> first data frame",
        min(f for f, _ in warm),
        "s",
        "minimal Textual app",
        floor_first,
        "<=1.5x",
        note=f"board kept; to exit: {min(w for _, w in warm):.2f}"
        f" vs {min(w for _, w in floor):.2f} s",
    )
    results.add(
        reps,
        "  same, no board kept",
        min(f for f, _ in cold),
        "s",
        "minimal Textual app",
        floor_first,
        note="board read from the file (nothing kept for the view, or a stale one)",
    )


# -- interactions, in-process ------------------------------------------------------------------

_INTERACT_CHILD = r"""
import asyncio, json, sys
sys.path.insert(0, sys.argv[3])
from benchmarks.run import interactions
print(json.dumps(asyncio.run(interactions(sys.argv[1], int(sys.argv[2])))))
"""


async def interactions(db: str, presses: int) -> dict[str, object]:
    """Press -> first painted frame reflecting it, in ms, for each interaction; DB a DuckDB
    file's path or a PostgreSQL URL (benchmarks/postgres.py measures both)."""
    from textual.app import App

    from ssi_tui.store.postgres_sql import is_server_url
    from ssi_tui.ui.app import SsiApp

    checks: dict[str, object] = {}
    seen: dict[str, float] = {}
    original = App._display

    def hooked(self: App, screen: object, renderable: object) -> None:
        original(self, screen, renderable)  # type: ignore[arg-type]
        if renderable is None:
            return
        for name, check in list(checks.items()):
            if check():  # type: ignore[operator]
                seen[name] = time.perf_counter()
                del checks[name]

    App._display = hooked  # type: ignore[method-assign]

    async def timed(
        pilot: object, keys: list[str], timeout: float = 30.0, **wanted: object
    ) -> dict[str, float]:
        """Press KEYS; ms until the first frame for which each named check holds."""
        seen.clear()
        checks.clear()
        checks.update(wanted)
        started = time.perf_counter()
        await pilot.press(*keys)  # type: ignore[attr-defined]
        while checks:
            if time.perf_counter() - started > timeout:
                raise RuntimeError(f"no frame showed {sorted(checks)} after {keys}")
            await asyncio.sleep(0.0005)
        return {name: (at - started) * 1000 for name, at in seen.items()}

    async def settle(pilot: object) -> None:
        await pilot.pause()  # type: ignore[attr-defined]
        await pilot.app.workers.wait_for_complete()  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        await asyncio.sleep(0.05)

    out: dict[str, object] = {}
    app = SsiApp(db if is_server_url(db) else Path(db))
    async with app.run_test(size=SCREEN) as pilot:
        for _ in range(3000):
            await asyncio.sleep(0.01)
            if getattr(app.screen, "board", None) is not None:
                break
        await settle(pilot)
        screen = app.screen
        table = screen.query_one("#board")
        out["rows"] = len(table.rows)

        def rows_changed(before: object) -> object:
            return lambda: table.rows is not before

        sorts = []
        for key in ["2", "3", "4", "5", "6", "7", "1"][:presses]:
            await settle(pilot)
            sorts.append((await timed(pilot, [key], done=rows_changed(table.rows)))["done"])
        out["sort"] = sorts

        async def week_back(read_ahead: bool) -> float:
            await settle(pilot)
            if not read_ahead:  # nothing at hand: the board is read from the file after the key
                screen._boards.forget()
            board, rows = screen.board, table.rows
            shown = await timed(
                pilot,
                ["left_square_bracket"],
                done=lambda: screen.board is not board and table.rows is not rows,
            )
            return shown["done"]

        out["as_of"] = [await week_back(read_ahead=True) for _ in range(presses)]
        out["as_of_cold"] = [await week_back(read_ahead=False) for _ in range(presses)]

        await settle(pilot)
        await pilot.press("slash")
        keys = []
        for char in "marianne"[:presses]:
            await settle(pilot)
            keys.append((await timed(pilot, [char], done=rows_changed(table.rows)))["done"])
        out["filter_key"] = keys
        await pilot.press("escape")
        await settle(pilot)

        try:
            from ssi_tui.ui.screens.rep import RepScreen
        except ImportError as error:
            out["drill_down"] = f"skipped: {error}"
            return out
        opened, history, next_rep = [], [], []
        for _ in range(presses):
            await settle(pilot)
            await pilot.press("down")
            await settle(pilot)
            shown = await timed(
                pilot,
                ["enter"],
                opened=lambda: isinstance(app.screen, RepScreen),
                history=lambda: isinstance(app.screen, RepScreen) and app.screen.detail is not None,
            )
            opened.append(shown["opened"])
            history.append(shown["history"])
            await settle(pilot)
            rep_screen = app.screen
            following = rep_screen.order[rep_screen.index + 1]
            shown = await timed(
                pilot,
                ["n"],
                history=lambda screen=rep_screen, rep_id=following: (
                    screen.detail is not None and screen.detail.rep_id == rep_id
                ),
            )
            next_rep.append(shown["history"])
            await settle(pilot)
            await pilot.press("escape")
            await settle(pilot)
        out["drill_down"] = opened
        out["drill_down_history"] = history
        out["drill_down_next"] = next_rep
    return out


_NO_TARGET = ("drill_down_history", "drill_down_next", "as_of_cold")
"""Interaction figures shown for what they are: the issue sets no target for them."""


INTERACTION_LABELS = {
    "sort": "sort change",
    "as_of": "as-of change (week back)",
    "as_of_cold": "  same, not read ahead",
    "filter_key": "filter keystroke",
    "drill_down": "drill-down open (enter)",
    "drill_down_history": "drill-down history shown",
    "drill_down_next": "next rep (n), history shown",
}
"""Each interaction figure's key in `interactions`' answer, and its label in the tables."""


def interaction_figures(db: str | Path, presses: int) -> dict[str, object]:
    """`interactions` on DB (a file's path or a URL), in a fresh process: its answer."""
    done = subprocess.run(
        [sys.executable, "-c", _INTERACT_CHILD, str(db), str(presses), str(ROOT)],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"interactions failed:\n{done.stderr[-3000:]}")
    answer: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return answer


def bench_interactions(results: Results, reps: int, db: Path, presses: int) -> None:
    out = interaction_figures(db, presses)
    for key, label in INTERACTION_LABELS.items():
        value = out.get(key)
        if isinstance(value, str):
            results.add(reps, label, None, "ms", "", None, "<=50 ms", note=value)
        elif value:
            results.add(
                reps,
                label,
                statistics.median(value),
                "ms",
                "target",
                None if key in _NO_TARGET else 50.0,
                "" if key in _NO_TARGET else "<=50 ms",
                note=f"median of {len(value)}, max {max(value):.0f}",
            )


# -- report -----------------------------------------------------------------------------------


def _fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB" if value >= 10 else f"{value:.2f} MB"
    return f"{value:.0f} ms"


def print_table(results: Results) -> None:
    header = ("reps", "figure", "value", "floor", "floor value", "ratio", "target", "note")
    lines = [header]
    for r in results.rows:
        ratio = f"{r.ratio:.2f}x" if r.ratio is not None and r.unit != "ms" else ""
        if r.unit == "ms" and r.value is not None and r.target:
            ratio = "ok" if r.value <= 50 else f"{r.value / 50:.1f}x"
        lines.append(
            (
                f"{r.size:,}",
                r.figure,
                _fmt(r.value, r.unit),
                r.floor_name if r.floor is not None else "",
                _fmt(r.floor, r.unit) if r.floor is not None else "",
                ratio,
                r.target,
                r.note,
            )
        )
    widths = [max(len(str(line[i])) for line in lines) for i in range(len(header))]
    for n, line in enumerate(lines):
        print("  ".join(str(c).ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))


def machine_note() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import duckdb
    import polars
    import textual

    load = os.getloadavg()
    return (
        f"{os.cpu_count()} CPUs ({model}), load {load[0]:.1f}; Python {platform.python_version()},"
        f" DuckDB {duckdb.__version__}, Polars {polars.__version__}, Textual {textual.__version__}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--reps",
        default=",".join(str(s) for s in SIZES),
        help="comma-separated rep counts (default 100,1000,10000)",
    )
    parser.add_argument("--weeks", type=int, default=WEEKS, help="weekly snapshots (104)")
    parser.add_argument(
        "--data-dir", type=Path, help="keep and reuse the generated CSVs here (default: temp)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per subprocess figure (3)")
    parser.add_argument("--presses", type=int, default=5, help="presses per interaction (5)")
    parser.add_argument(
        "--skip",
        default="",
        help="comma-separated parts to skip: import,undo,startup,interactions",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.reps.split(",") if s]
    skip = set(filter(None, args.skip.split(",")))
    started = time.perf_counter()
    results = Results()
    print(machine_note(), flush=True)
    with tempfile.TemporaryDirectory(prefix="ssi-bench-") as tmp:
        work = Path(tmp)
        data_dir = args.data_dir or work / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        for reps in sizes:
            print(f"{reps:,} reps x {args.weeks} weeks", flush=True)
            csv = data_file(data_dir, reps, args.weeks)
            if "import" not in skip:
                bench_import(results, reps, args.weeks, csv, work, args.repeat)
            if "undo" not in skip:
                bench_undo(results, reps, csv, work, args.repeat)
            db = work / f"board_{reps}.duckdb"
            if not db.exists():
                from ssi_tui.importing.importer import run_import

                run_import(db, [csv])
            if "startup" not in skip:
                bench_startup(results, reps, db, args.repeat)
            if "interactions" not in skip:
                bench_interactions(results, reps, db, args.presses)
            shutil.rmtree(work / "unused", ignore_errors=True)
    print()
    print_table(results)
    print(f"\n{machine_note()}")
    print(f"Total benchmark time: {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
