"""Fitting a model's weights to official scores, where a team has both for the same weeks.

Per pillar, the official score is modelled as base + sum of weight x normalised term over the
model's own terms and caps, and (base, weights) are fitted by non-negative least squares with
base + weights <= 25 (nnls.py), so the fitted model keeps every guarantee of the default one.
The latest weeks are held out of the fit: the error on them says whether the fit generalises.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ssi_tui import store
from ssi_tui.errors import SsiError
from ssi_tui.estimate.measures import MEASURE_KEYS
from ssi_tui.estimate.model import Model, PillarModel, with_weights
from ssi_tui.estimate.nnls import nnls_with_budget
from ssi_tui.estimate.scoring import Activity, score_pillar
from ssi_tui.pillars import PILLAR_KEYS, PILLAR_MAX

HOLDOUT = 0.25
"""Share of the weeks (the latest ones) kept out of the fit to measure it on."""
ROWS_PER_PARAMETER = 2
"""A pillar is fitted only with at least this many training rows per fitted number."""
WEIGHT_DIGITS = 4


@dataclass(frozen=True)
class Pair:
    """One rep and date with both activity metrics and LinkedIn's official scores."""

    rep_id: str
    date: dt.date
    activity: dict[str, float | None]
    official: dict[str, float]
    """ssi and the four pillars."""

    @property
    def week(self) -> tuple[int, int]:
        """ISO (year, week): the unit weeks are held out by."""
        year, week, _ = self.date.isocalendar()
        return year, week


@dataclass(frozen=True)
class Errors:
    """Mean absolute errors of the starting and the fitted model (None without rows)."""

    train_rows: int
    heldout_rows: int
    before_train: float | None
    after_train: float | None
    before_heldout: float | None
    after_heldout: float | None


@dataclass(frozen=True)
class PillarFit:
    """What calibration did to one pillar."""

    key: str
    fitted: bool
    """False when too few complete rows: the starting weights are kept."""
    errors: Errors


@dataclass(frozen=True)
class Calibration:
    """The fitted model and how much better (or not) it does."""

    model: Model
    pillars: tuple[PillarFit, ...]
    total: Errors
    """Of the total SSI, over rows complete for every pillar."""
    train_weeks: tuple[tuple[int, int], ...]
    heldout_weeks: tuple[tuple[int, int], ...]
    pairs: int


def load_pairs(db_path: str | Path, *, exclude: Sequence[str] = ()) -> list[Pair]:
    """Every (rep, date) with activity metrics and an official snapshot (read-only).

    Reps named in EXCLUDE (ids or names, any case: the config's opt-out list) are left out.
    """
    excluded = [who.strip().lower() for who in exclude if who.strip()]
    with store.open_read(db_path) as conn:
        records = conn.records("calibration_pairs", {"excluded": excluded})
    return [
        Pair(
            r["rep_id"],
            r["snapshot_date"],
            {k: r[k] for k in MEASURE_KEYS},
            {k: r[k] for k in ("ssi", *PILLAR_KEYS)},
        )
        for r in records
    ]


def split_weeks(
    pairs: Sequence[Pair], holdout: float = HOLDOUT
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """(training weeks, held-out weeks): the latest HOLDOUT share of the weeks is held out.

    At least one week is held out when there are two or more and HOLDOUT > 0; at least one
    is always kept for training.
    """
    weeks = sorted({p.week for p in pairs})
    held = 0
    if holdout > 0 and len(weeks) >= 2:
        held = min(len(weeks) - 1, max(1, round(holdout * len(weeks))))
    return tuple(weeks[: len(weeks) - held]), tuple(weeks[len(weeks) - held :])


def _mae(errors: list[float]) -> float | None:
    return math.fsum(abs(e) for e in errors) / len(errors) if errors else None


def _complete(pillar: PillarModel, activity: Activity) -> bool:
    return all(term.value(activity) is not None for term in pillar.terms)


def _features(pillar: PillarModel, activity: Activity) -> list[float]:
    """[1 (the base), normalised term 1, ...]: the design row of one pair."""
    row = [1.0]
    for term in pillar.terms:
        value = term.value(activity)
        assert value is not None, "only complete rows are fitted"
        row.append(term.normalised(value))
    return row


def _fit_pillar(
    pillar: PillarModel, rows: Sequence[Pair]
) -> tuple[float, tuple[float, ...]] | None:
    """(base, weights) fitted on ROWS, or None when there are too few of them."""
    if len(rows) < ROWS_PER_PARAMETER * (len(pillar.terms) + 1):
        return None
    design = [_features(pillar, p.activity) for p in rows]
    targets = [p.official[pillar.key] for p in rows]
    solution = nnls_with_budget(design, targets, PILLAR_MAX)
    rounded = [round(v, WEIGHT_DIGITS) for v in solution]
    step = 10.0**-WEIGHT_DIGITS
    while math.fsum(rounded) > PILLAR_MAX + 1e-9:  # rounding up may overspend by a hair
        largest = max(range(len(rounded)), key=lambda i: rounded[i])
        rounded[largest] = round(rounded[largest] - step, WEIGHT_DIGITS)
    return rounded[0], tuple(rounded[1:])


def _errors(
    before: PillarModel, after: PillarModel, train: list[Pair], heldout: list[Pair]
) -> Errors:
    def errors(model: PillarModel, rows: list[Pair]) -> float | None:
        return _mae([score_pillar(model, p.activity).score - p.official[model.key] for p in rows])

    return Errors(
        len(train),
        len(heldout),
        errors(before, train),
        errors(after, train),
        errors(before, heldout),
        errors(after, heldout),
    )


def _total_errors(start: Model, fitted: Model, train: list[Pair], heldout: list[Pair]) -> Errors:
    def complete(rows: list[Pair]) -> list[Pair]:
        return [p for p in rows if all(_complete(pm, p.activity) for pm in start.pillars)]

    def errors(model: Model, rows: list[Pair]) -> float | None:
        return _mae(
            [
                math.fsum(score_pillar(pm, p.activity).score for pm in model.pillars)
                - p.official["ssi"]
                for p in rows
            ]
        )

    train, heldout = complete(train), complete(heldout)
    return Errors(
        len(train),
        len(heldout),
        errors(start, train),
        errors(fitted, train),
        errors(start, heldout),
        errors(fitted, heldout),
    )


def _header(
    source: str, pairs: int, train: tuple[tuple[int, int], ...], held: tuple[tuple[int, int], ...]
) -> tuple[str, ...]:
    def span(weeks: tuple[tuple[int, int], ...]) -> str:
        if not weeks:
            return "none"
        first, last = weeks[0], weeks[-1]
        return f"{first[0]}-W{first[1]:02d} to {last[0]}-W{last[1]:02d} ({len(weeks)} weeks)"

    return (
        f"Fitted by `ssi-tui model calibrate` on {dt.date.today().isoformat()} from {source}:",
        f"{pairs} rep-weeks with both activity metrics and official scores.",
        f"Trained on {span(train)}; held out {span(held)}.",
        "Caps and scales are the starting model's; base and weights were fitted (NNLS).",
    )


def calibrate(
    pairs: Sequence[Pair],
    start: Model,
    *,
    holdout: float = HOLDOUT,
    source: str = "the database",
    origin: str = "<calibrated>",
) -> Calibration:
    """Fit START's base and weights per pillar on the training weeks of PAIRS.

    Only pairs where every term of the pillar is known are used for that pillar (a missing
    measure says nothing about its weight). A pillar with too few of them keeps START's
    weights. Raises SsiError when there is nothing to fit on at all.
    """
    if not pairs:
        raise SsiError(
            "no rep and date has both official SSI scores and activity metrics; import both"
            " for the same reps and dates to calibrate."
        )
    train_weeks, held_weeks = split_weeks(pairs, holdout)
    held = set(held_weeks)
    fitted: dict[str, tuple[float, tuple[float, ...]]] = {}
    rows: dict[str, tuple[list[Pair], list[Pair]]] = {}
    for pillar in start.pillars:
        complete = [p for p in pairs if _complete(pillar, p.activity)]
        train = [p for p in complete if p.week not in held]
        rows[pillar.key] = (train, [p for p in complete if p.week in held])
        result = _fit_pillar(pillar, train)
        if result is not None:
            fitted[pillar.key] = result
    header = _header(source, len(pairs), train_weeks, held_weeks)
    model = with_weights(
        start,
        fitted,
        name="calibrated",
        description=f"{start.name}, with base and weights fitted to official scores",
        header=header,
        origin=origin,
    )
    fits = tuple(
        PillarFit(
            pillar.key,
            pillar.key in fitted,
            _errors(pillar, model.pillar(pillar.key), *rows[pillar.key]),
        )
        for pillar in start.pillars
    )
    train_all = [p for p in pairs if p.week not in held]
    held_all = [p for p in pairs if p.week in held]
    total = _total_errors(start, model, train_all, held_all)
    return Calibration(model, fits, total, train_weeks, held_weeks, len(pairs))


def write_model(model: Model, path: str | Path) -> None:
    """Write MODEL's text to PATH, whole or not at all (via a temporary file)."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(model.text, encoding="utf-8")
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise SsiError(f"{path}: cannot write the model ({error.strerror or error}).") from None
