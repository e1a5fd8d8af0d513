"""The test suite's wall time on this machine (issue #22): the whole suite, and the tests the
issue measured when it asked for at most 60% of their ~4.5-5 min.

    python benchmarks/suite.py            # both, as the README's command runs them (-n auto)
    python benchmarks/suite.py --issue22  # only the issue's tests

suite_issue22_tests.txt lists those tests (the 808 collected at 2789d7f) by their node ids
today: moved with their packages, and the two hypothesis properties since split into shards
(tests/sharding.py) counted by their shards; 803 ids, the 13 others renamed since. Nothing
here is a unit test; it never runs under pytest by itself.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ISSUE22_TESTS = Path(__file__).with_name("suite_issue22_tests.txt")
KEEP_VARIABLE = "SSI_TUI_SUITE_TESTS"
"""Names the file of node ids to keep; read by this module as a plugin in each worker."""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Only the tests the file KEEP_VARIABLE names lists (as a plugin: `-p benchmarks.suite`)."""
    listed = os.environ.get(KEEP_VARIABLE)
    if not listed:
        return
    keep = set(Path(listed).read_text(encoding="utf-8").splitlines())
    config.hook.pytest_deselected(items=[item for item in items if item.nodeid not in keep])
    items[:] = [item for item in items if item.nodeid in keep]


def _timed(label: str, keep: Path | None) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if keep is not None:
        env[KEEP_VARIABLE] = str(keep)
    command = [sys.executable, "-m", "pytest", "-q", "-n", "auto", "-p", "benchmarks.suite"]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    summary = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
    print(f"{label:28}{seconds:8.1f} s   {summary}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--issue22", action="store_true", help="only the issue's tests")
    args = parser.parse_args()
    _timed("issue #22's tests", ISSUE22_TESTS)
    if not args.issue22:
        _timed("the whole suite", None)


if __name__ == "__main__":
    main()
