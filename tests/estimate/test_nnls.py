"""The pure-Python NNLS: exact where the answer is known, optimal (KKT) everywhere."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_tui.estimate.nnls import nnls, nnls_with_budget, normal_equations


def _residual_gradient(rows: list[list[float]], y: list[float], x: list[float]) -> list[float]:
    gram, moment = normal_equations(rows, y)
    return [moment[i] - sum(gram[i][j] * x[j] for j in range(len(x))) for i in range(len(x))]


def test_exact_non_negative_weights_are_recovered() -> None:
    rng = random.Random(3)
    truth = [3.0, 0.0, 5.0, 2.5, 0.0, 1.25]
    rows = [[rng.random() for _ in truth] for _ in range(200)]
    y = [sum(a * b for a, b in zip(r, truth, strict=True)) for r in rows]
    assert nnls(rows, y) == pytest.approx(truth, abs=1e-8)


def test_a_negative_truth_is_clipped_at_zero_and_the_rest_refitted() -> None:
    # y = x0 - x1 with x1 >= 0 forced to 0: the best x0 on [1, 0], [0, 1] rows is y's mean
    # where x0 counts: rows (1, 0) -> 1, (0, 1) -> -1, (1, 1) -> 0: x0 = (1 + 0) / 2 = 0.5.
    rows = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    y = [1.0, -1.0, 0.0]
    assert nnls(rows, y) == pytest.approx([0.5, 0.0])


def test_collinear_columns_and_all_negative_targets() -> None:
    rows = [[a, a, b] for a, b in ((0.1, 0.4), (0.5, 0.2), (0.9, 0.7), (0.3, 0.3))]
    y = [2 * r[0] + r[2] for r in rows]
    x = nnls(rows, y)
    assert x[0] + x[1] == pytest.approx(2.0)
    assert x[2] == pytest.approx(1.0)
    assert nnls([[1.0], [1.0]], [-1.0, -2.0]) == [0.0]


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda k: st.tuples(
            st.lists(st.lists(st.floats(0, 1), min_size=k, max_size=k), min_size=1, max_size=30),
            st.lists(st.floats(-10, 10), min_size=30, max_size=30),
        )
    )
)
def test_the_solution_meets_the_optimality_conditions(data: tuple) -> None:
    rows, targets = data
    y = targets[: len(rows)]
    x = nnls(rows, y)
    gradient = _residual_gradient(rows, y, x)
    scale = 1 + max(abs(v) for v in y) * len(rows)
    for value, slope in zip(x, gradient, strict=True):
        assert value >= 0
        # KKT: no improving direction: slope <= 0 where x = 0, slope = 0 where x > 0.
        assert slope <= 1e-6 * scale
        if value > 1e-9:
            assert abs(slope) <= 1e-6 * scale


def test_the_budget_binds_only_when_overspent() -> None:
    rng = random.Random(5)
    rows = [[rng.random(), rng.random()] for _ in range(100)]
    y = [20 * a + 15 * b for a, b in rows]
    assert nnls_with_budget(rows, y, 40.0) == pytest.approx([20.0, 15.0], abs=1e-6)
    capped = nnls_with_budget(rows, y, 25.0)
    assert sum(capped) == pytest.approx(25.0, abs=1e-6)
    assert sum(capped) <= 25.0
    assert all(v >= 0 for v in capped)
