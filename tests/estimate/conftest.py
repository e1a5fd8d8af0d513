"""Shared helpers of the estimated-SSI tests: activity exports, synthetic data, table dumps."""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ssi_tui.cli.main import cli
from ssi_tui.estimate.measures import MEASURE_KEYS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
MONDAY = dt.date(2026, 1, 5)

Invoke = Callable[..., Result]


def write_activity(
    path: Path,
    rows: Iterable[Mapping[str, object]],
    columns: Iterable[str] | None = None,
) -> Path:
    """An activity export with COLUMNS (default: date, rep_id, name, team, every measure)."""
    rows = list(rows)
    header = list(columns or ("date", "rep_id", "name", "team", *MEASURE_KEYS))
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if row.get(c) is None else row[c] for c in header])
    return path


def random_activity(rng: random.Random, *, spread: float = 1.3) -> dict[str, float]:
    """One rep-week with every measure known, up to SPREAD x the default caps (some capped)."""
    sent = rng.randint(1, 40)
    requests = rng.randint(1, 60)
    connections = rng.randint(50, int(2000 * spread))
    return {
        "profile_photo": float(rng.random() < 0.7),
        "profile_completeness": float(rng.randint(20, 100)),
        "articles_published": float(rng.randint(0, 2)),
        "article_views": float(rng.randint(0, int(650 * spread))),
        "followers_gained": float(rng.randint(0, int(40 * spread))),
        "searches": float(rng.randint(0, int(25 * spread))),
        "leads_saved": float(rng.randint(0, int(10 * spread))),
        "profile_views": float(rng.randint(0, int(60 * spread))),
        "posts_shared": float(rng.randint(0, 6)),
        "engagement_received": float(rng.randint(0, int(180 * spread))),
        "accounts_saved": float(rng.randint(0, 6)),
        "inmails_sent": float(sent),
        "inmails_answered": float(rng.randint(0, sent)),
        "connection_requests_sent": float(requests),
        "connection_requests_accepted": float(rng.randint(0, requests)),
        "connections": float(connections),
        "senior_connections": float(rng.randint(0, min(connections, int(300 * spread)))),
    }


@pytest.fixture
def invoke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run `ssi-tui ARGS...` in-process; an uncaught exception (a traceback) fails the test."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))

    def run(*args: str | Path) -> Result:
        result = CliRunner().invoke(cli, [str(a) for a in args])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"uncaught {result.exception!r}\n{result.output}"
        )
        return result

    return run


ANA = {
    "date": "2026-01-19",
    "rep_id": "ana@acme.example",
    "name": "Ana Lima",
    "team": "Enterprise",
    "profile_photo": 1,
    "profile_completeness": 50,
    "articles_published": 0,
    "article_views": 500,
    "followers_gained": 0,
    "searches": 10,
    "leads_saved": 5,
    "posts_shared": 5,
    "engagement_received": 0,
    "accounts_saved": 1,
    "inmails_sent": 4,
    "inmails_answered": 1,
    "connection_requests_sent": 10,
    "connection_requests_accepted": 3,
    "connections": 1500,
    "senior_connections": 0,
}
"""The hand-computed rep of test_scoring.py (profile_views unknown): 46.75 by the default model."""
