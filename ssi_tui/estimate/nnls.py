"""Non-negative least squares in pure Python (Lawson and Hanson's active-set method).

Calibration fits at most a handful of weights per pillar, so the work is done on the normal
equations (a k x k system, k <= ~10) and the data are read once to build them; no numpy.
Weights must be >= 0 so that a fitted model still never falls when an activity rises.
"""

from __future__ import annotations

from collections.abc import Sequence

Matrix = list[list[float]]


def normal_equations(
    rows: Sequence[Sequence[float]], targets: Sequence[float]
) -> tuple[Matrix, list[float]]:
    """(XᵀX, Xᵀy) for the design matrix ROWS and the TARGETS."""
    width = len(rows[0]) if rows else 0
    gram = [[0.0] * width for _ in range(width)]
    moment = [0.0] * width
    for row, target in zip(rows, targets, strict=True):
        for i in range(width):
            xi = row[i]
            if xi == 0.0:
                continue
            moment[i] += xi * target
            gram_i = gram[i]
            for j in range(i, width):
                gram_i[j] += xi * row[j]
    for i in range(width):
        for j in range(i):
            gram[i][j] = gram[j][i]
    return gram, moment


def _solve(matrix: Matrix, vector: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting; a tiny ridge keeps singular systems solvable."""
    size = len(vector)
    ridge = 1e-12 * max(1.0, max((matrix[i][i] for i in range(size)), default=1.0))
    a = [[*matrix[i], vector[i]] for i in range(size)]
    for i in range(size):
        a[i][i] += ridge
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        if a[col][col] == 0.0:
            continue
        for r in range(col + 1, size):
            factor = a[r][col] / a[col][col]
            if factor:
                for c in range(col, size + 1):
                    a[r][c] -= factor * a[col][c]
    solution = [0.0] * size
    for i in reversed(range(size)):
        if a[i][i] == 0.0:
            continue
        solution[i] = (a[i][size] - sum(a[i][j] * solution[j] for j in range(i + 1, size))) / a[i][
            i
        ]
    return solution


def _restricted(gram: Matrix, moment: list[float], passive: list[int]) -> list[float]:
    """The least-squares solution with only the PASSIVE variables free (the others 0)."""
    sub = [[gram[i][j] for j in passive] for i in passive]
    values = _solve(sub, [moment[i] for i in passive])
    solution = [0.0] * len(moment)
    for index, value in zip(passive, values, strict=True):
        solution[index] = value
    return solution


def nnls_normal(gram: Matrix, moment: list[float], *, max_iterations: int = 0) -> list[float]:
    """argmin over x >= 0 of |Xx - y|², given XᵀX (GRAM) and Xᵀy (MOMENT)."""
    size = len(moment)
    x = [0.0] * size
    passive: list[int] = []
    scale = max([1.0, *(abs(m) for m in moment), *(abs(g) for row in gram for g in row)])
    tolerance = 1e-11 * scale
    limit = max_iterations or 30 * (size + 1)
    skipped: set[int] = set()
    for _ in range(limit):
        gradient = [moment[i] - sum(gram[i][j] * x[j] for j in range(size)) for i in range(size)]
        candidates = [
            i
            for i in range(size)
            if i not in passive and i not in skipped and gradient[i] > tolerance
        ]
        if not candidates:
            break
        entering = max(candidates, key=lambda i: gradient[i])
        passive.append(entering)
        while True:
            z = _restricted(gram, moment, passive)
            if all(z[i] > 0 for i in passive):
                break
            # Move from x towards z until the first passive variable reaches 0; free it.
            step = min(x[i] / (x[i] - z[i]) if x[i] > z[i] else 0.0 for i in passive if z[i] <= 0)
            x = [x[i] + step * (z[i] - x[i]) for i in range(size)]
            floor = 1e-13 * max(1.0, *(abs(v) for v in x))
            passive = [i for i in passive if x[i] > floor]
            x = [x[i] if i in passive else 0.0 for i in range(size)]
            if not passive:
                z = [0.0] * size
                break
        if entering not in passive:
            # Round-off made the entering variable useless at once: do not pick it again
            # until something else moves (Lawson and Hanson's safeguard against cycling).
            skipped.add(entering)
        else:
            skipped.clear()
        x = z
    return x


def nnls(rows: Sequence[Sequence[float]], targets: Sequence[float]) -> list[float]:
    """argmin over x >= 0 of |ROWS x - TARGETS|²."""
    return nnls_normal(*normal_equations(rows, targets))


def nnls_with_budget(
    rows: Sequence[Sequence[float]], targets: Sequence[float], budget: float
) -> list[float]:
    """NNLS with sum(x) <= BUDGET too (a pillar's base and weights share its 25 points).

    When the plain fit overspends, the budget binds: it is enforced as a heavily weighted
    extra equation sum(x) = BUDGET (Lawson and Hanson's weighting method), then made exact.
    """
    gram, moment = normal_equations(rows, targets)
    x = nnls_normal(gram, moment)
    if sum(x) <= budget:
        return x
    size = len(moment)
    heavy = 1e6 * max(1.0, max((gram[i][i] for i in range(size)), default=1.0))
    gram = [[gram[i][j] + heavy for j in range(size)] for i in range(size)]
    moment = [moment[i] + heavy * budget for i in range(size)]
    x = nnls_normal(gram, moment)
    spent = sum(x)
    return [v * budget / spent for v in x] if spent > budget else x
