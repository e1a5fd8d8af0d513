"""Write a synthetic canonical SSI export, for benchmarks and for trying big teams.

    python scripts/generate_data.py OUT.csv --reps 10000 --weeks 104 [--seed 7] [--teams N]
    python scripts/generate_data.py sample_data/team_ssi.csv --sample

--sample rewrites the bundled demo file; tests/tools/test_synthetic.py checks it has not drifted.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

# Run from a checkout without installing: the package sits next to scripts/.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tools import synthetic


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, write the file and say how many rows it took how long to write."""
    parser = argparse.ArgumentParser(description="Write a synthetic canonical SSI export (CSV).")
    parser.add_argument("out", type=Path, help="CSV file to write (overwritten)")
    parser.add_argument("--reps", type=int, default=1000, help="number of reps (default 1000)")
    parser.add_argument("--weeks", type=int, default=52, help="weekly snapshots (default 52)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument(
        "--teams", type=int, default=None, help="number of teams (default: one per ten reps)"
    )
    parser.add_argument(
        "--sample",
        action="store_true",
        help="write the bundled demo team instead (ignores --reps, --weeks, --seed, --teams)",
    )
    args = parser.parse_args(argv)
    if not args.sample and (args.reps < 1 or args.weeks < 1):
        parser.error("--reps and --weeks must be at least 1")
    if args.teams is not None and args.teams < 1:
        parser.error("--teams must be at least 1")

    started = time.perf_counter()
    if args.sample:
        rows = synthetic.write_sample_csv(args.out)
    else:
        rows = synthetic.write_csv(
            args.out, args.reps, args.weeks, seed=args.seed, teams=args.teams
        )
    seconds = time.perf_counter() - started
    print(f"wrote {rows:,} rows to {args.out} in {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
