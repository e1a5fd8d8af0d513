"""Calibration beside official snapshots of a total alone (issue #23: pillars not given):
such a snapshot is no target for any pillar, and never read as a pillar of 0."""

from __future__ import annotations

from dataclasses import replace

import pytest

from ssi_tui.estimate.calibrate import calibrate
from ssi_tui.pillars import PILLAR_KEYS
from tests.estimate.test_calibrate import DEFAULT, TRUE_WEIGHTS, fitted_weights, synthetic_pairs


def test_totals_alone_are_left_out_of_every_pillars_fit() -> None:
    pairs = synthetic_pairs(30, 12)
    # Every third pair an official total alone: its pillars not given.
    blanked = [
        replace(p, official={**p.official, **dict.fromkeys(PILLAR_KEYS)}) if i % 3 == 0 else p
        for i, p in enumerate(pairs)
    ]
    result = calibrate(blanked, DEFAULT)
    for key, (base, weights) in TRUE_WEIGHTS.items():
        assert fitted_weights(result.model, key) == pytest.approx([base, *weights], abs=0.02)
    for fit in result.pillars:
        assert fit.fitted and fit.errors.after_train < 0.01
        assert fit.errors.train_rows + fit.errors.heldout_rows == len(pairs) - len(pairs[::3])
