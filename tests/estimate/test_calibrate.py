"""Calibration recovers the weights synthetic official scores were made with, and it helps on
weeks it never saw.

Synthetic data: random activity for reps over weeks (tests/estimate/conftest.py), official
pillars computed with a TRUE model (the default's terms and caps, other base and weights).
Calibration starts from the default model, whose weights are wrong for this data.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from ssi_tui.errors import SsiError
from ssi_tui.estimate.calibrate import Pair, calibrate, load_pairs, split_weeks
from ssi_tui.estimate.measures import MEASURE_KEYS
from ssi_tui.estimate.model import Model, load_model, with_weights
from ssi_tui.estimate.scoring import score
from ssi_tui.importing.importer import run_import
from ssi_tui.pillars import PILLAR_KEYS
from tests.db_helpers import query
from tests.estimate.conftest import MONDAY, Invoke, random_activity, write_activity

DEFAULT = load_model()
TRUE_WEIGHTS: dict[str, tuple[float, tuple[float, ...]]] = {
    # (base, weights in the default's term order); base + weights <= 25
    "brand": (2.0, (3.0, 6.0, 2.0, 5.0, 3.5)),
    "people": (1.0, (12.0, 4.0, 6.0)),
    "insights": (0.0, (5.0, 9.0, 2.0, 8.0)),
    "relationships": (3.0, (4.0, 11.0, 6.0)),
}
TRUE = with_weights(DEFAULT, TRUE_WEIGHTS, name="true", description="synthetic truth")


def synthetic_pairs(
    reps: int, weeks: int, *, noise: float = 0.0, seed: int = 11, model: Model = TRUE
) -> list[Pair]:
    rng = random.Random(seed)
    pairs = []
    for week in range(weeks):
        for rep in range(reps):
            activity = random_activity(rng)
            truth = score(model, activity)
            official = {
                p.key: round(min(25.0, max(0.0, p.score + rng.gauss(0, noise))), 2)
                for p in truth.pillars
            }
            official["ssi"] = round(sum(official.values()), 2)
            date = MONDAY + dt.timedelta(days=7 * week)
            pairs.append(Pair(f"rep{rep}", date, dict(activity), official))  # type: ignore[arg-type]
    return pairs


def fitted_weights(model: Model, key: str) -> list[float]:
    pillar = model.pillar(key)
    return [pillar.base, *(t.weight for t in pillar.terms)]


def test_exact_data_gives_back_the_true_weights() -> None:
    result = calibrate(synthetic_pairs(30, 12), DEFAULT)
    for key, (base, weights) in TRUE_WEIGHTS.items():
        # Tolerance 0.02 points: the official scores are rounded to 2 decimals, as LinkedIn's.
        assert fitted_weights(result.model, key) == pytest.approx([base, *weights], abs=0.02)
    for fit in result.pillars:
        assert fit.fitted
        assert fit.errors.after_train < 0.01
        assert fit.errors.after_heldout < 0.01
        assert fit.errors.before_heldout > 0.5  # the default model is wrong for this data


def test_noisy_data_still_recovers_the_weights_and_lowers_held_out_error() -> None:
    # Official scores with Gaussian noise of 0.5 points: weights within 0.75 points, and
    # the held-out weeks (the latest quarter, never fitted) come out better than before.
    result = calibrate(synthetic_pairs(40, 16, noise=0.5, seed=3), DEFAULT)
    for key, (base, weights) in TRUE_WEIGHTS.items():
        assert fitted_weights(result.model, key) == pytest.approx([base, *weights], abs=0.75)
    for fit in result.pillars:
        e = fit.errors
        assert e.heldout_rows == 40 * 4
        assert e.after_heldout < e.before_heldout
        assert e.after_heldout < 0.5  # about the noise's own mean absolute size (0.4)
    assert result.total.after_heldout < result.total.before_heldout
    assert len(result.heldout_weeks) == 4
    assert len(result.train_weeks) == 12


def test_the_fitted_model_keeps_the_guarantees() -> None:
    # Scores far above what the terms can reach push the fit to spend all 25 points.
    pairs = synthetic_pairs(10, 6)
    inflated = [
        Pair(p.rep_id, p.date, p.activity, {k: 25.0 for k in ("ssi", *PILLAR_KEYS)}) for p in pairs
    ]
    model = calibrate(inflated, DEFAULT).model
    for pillar in model.pillars:
        assert pillar.base >= 0 and all(t.weight >= 0 for t in pillar.terms)
        assert pillar.base + pillar.total_weight <= 25.0 + 1e-9


def test_pillars_without_enough_complete_rows_keep_the_starting_weights() -> None:
    pairs = synthetic_pairs(1, 3)
    for pair in pairs:
        pair.activity["profile_views"] = None  # people is never complete
    result = calibrate(pairs, DEFAULT, holdout=0)
    people = next(f for f in result.pillars if f.key == "people")
    assert not people.fitted
    assert result.model.pillar("people") == DEFAULT.pillar("people")


def test_weeks_are_held_out_latest_first() -> None:
    pairs = synthetic_pairs(2, 8)
    train, held = split_weeks(pairs, 0.25)
    assert len(held) == 2 and len(train) == 6
    assert max(train) < min(held)
    assert split_weeks(pairs, 0) == (tuple(sorted({p.week for p in pairs})), ())
    assert split_weeks(pairs[:2], 0.5) == ((pairs[0].week,), ())  # one week: nothing held


def test_nothing_to_fit_on_is_a_clean_error() -> None:
    with pytest.raises(SsiError, match="no rep and date has both"):
        calibrate([], DEFAULT)


def _write_official(path: Path, pairs: list[Pair]) -> Path:
    lines = ["date,rep_id,name,brand,people,insights,relationships,ssi"]
    for p in pairs:
        o = p.official
        lines.append(
            f"{p.date},{p.rep_id}@acme.example,{p.rep_id},{o['brand']},{o['people']},"
            f"{o['insights']},{o['relationships']},{o['ssi']}"
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _write_activity(path: Path, pairs: list[Pair]) -> Path:
    rows = [
        {"date": p.date, "rep_id": f"{p.rep_id}@acme.example", "name": p.rep_id, **p.activity}
        for p in pairs
    ]
    return write_activity(path, rows, ("date", "rep_id", "name", *MEASURE_KEYS))


def _gap(db: Path) -> float:
    """Mean absolute difference between estimated and official totals, same rep and date."""
    ((gap,),) = query(
        db,
        "SELECT avg(abs(e.ssi - o.ssi)) FROM snapshots e JOIN snapshots o"
        " USING (rep_id, snapshot_date) WHERE e.source = 'estimated' AND o.source = 'official'",
    )
    return gap


def test_calibrate_from_the_command_line_then_import_with_the_fitted_model(
    invoke: Invoke, tmp_path: Path
) -> None:
    pairs = synthetic_pairs(12, 10, seed=5)
    db = tmp_path / "team.duckdb"
    activity = _write_activity(tmp_path / "activity.csv", pairs)
    run_import(db, [_write_official(tmp_path / "official.csv", pairs), activity])
    assert len(load_pairs(db)) == len(pairs)
    before = _gap(db)

    out = tmp_path / "fitted.toml"
    result = invoke("model", "calibrate", db, "--out", out)
    assert result.exit_code == 0, result.output
    assert "Held out before" in result.output
    assert f"Wrote {out}" in result.output
    fitted = load_model(out)
    assert fitted.name == "calibrated"
    assert fitted.text.startswith("# Fitted by `ssi-tui model calibrate`")
    for key, (base, weights) in TRUE_WEIGHTS.items():
        assert fitted_weights(fitted, key) == pytest.approx([base, *weights], abs=0.05)

    # The same activity file with another model is another import: estimates are rescored.
    result = invoke("import", db, activity, "--model", out)
    assert result.exit_code == 0, result.output
    assert f"0 new, {len(pairs)} corrected, 0 unchanged" in result.output
    assert _gap(db) < before / 10
    models = query(db, "SELECT name FROM estimate_models ORDER BY name")
    assert models == [("calibrated",), ("default",)]


def test_calibrate_without_pairs_fails_cleanly(invoke: Invoke, tmp_path: Path) -> None:
    db = tmp_path / "team.duckdb"
    run_import(db, [Path(__file__).resolve().parents[1] / "fixtures" / "history.csv"])
    out = tmp_path / "fitted.toml"
    result = invoke("model", "calibrate", db, "--out", out)
    assert result.exit_code == 1
    assert "Error: no rep and date has both official SSI scores and activity metrics" in (
        result.output
    )
    assert not out.exists()
    result = invoke("model", "calibrate", db, "--out", out, "--model", tmp_path / "none.toml")
    assert result.exit_code == 1
    assert "no such model file" in result.output


def test_snapshots_giving_a_total_alone_are_left_out_of_the_pairs(tmp_path: Path) -> None:
    pairs = synthetic_pairs(3, 4, seed=7)
    db = tmp_path / "team.duckdb"
    official = _write_official(tmp_path / "official.csv", pairs)
    lines = official.read_text(encoding="utf-8").splitlines()
    # The first rep-week's pillars were not given: only its total was said.
    date, rep_id, name, *_pillars, total = lines[1].split(",")
    lines[1] = ",".join([date, rep_id, name, "", "", "", "", total])
    official.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run_import(db, [official, _write_activity(tmp_path / "activity.csv", pairs)])
    loaded = load_pairs(db)
    assert len(loaded) == len(pairs) - 1
    assert all(None not in p.official.values() for p in loaded)
