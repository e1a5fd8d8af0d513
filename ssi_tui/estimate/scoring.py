"""One row of activity -> four pillar scores, with the points each term earned.

The score is built from the breakdown (never computed twice), so what `model explain` shows
adds up to what the board shows. See ssi_tui/models/default_model.toml for the formula.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ssi_tui.estimate.model import Model, PillarModel, Term
from ssi_tui.pillars import PILLAR_MAX

DIGITS = 2
"""Estimated scores are stored with two decimals, like LinkedIn's own."""

Activity = Mapping[str, float | None]
"""One rep's measures on one date, by measure key; None (or absent) means unknown."""


@dataclass(frozen=True)
class TermPoints:
    """What one term earned."""

    term: Term
    value: float | None
    """The term's value (a rate for a `per` term); None when unknown."""
    normalised: float | None
    """The value on 0-1 (see Term.normalised); None when unknown."""
    weight: float
    """The term's weight re-weighted over the pillar's known terms (0 when unknown)."""
    points: float


@dataclass(frozen=True)
class PillarScore:
    """One pillar's estimate and how it was reached."""

    key: str
    base: float
    terms: tuple[TermPoints, ...]
    reweight: float
    """All weights / known weights: how much each known term's weight was scaled by."""
    score: float
    """base + the terms' points, unrounded (within 0-25)."""

    @property
    def has_evidence(self) -> bool:
        """Whether any term with weight was known (else the score is the base alone)."""
        return any(t.value is not None and t.term.weight > 0 for t in self.terms)

    @property
    def unknown(self) -> tuple[str, ...]:
        """Names of the terms that were unknown."""
        return tuple(t.term.name for t in self.terms if t.value is None)


@dataclass(frozen=True)
class Estimate:
    """The four pillars (in LinkedIn's order) and the total."""

    pillars: tuple[PillarScore, ...]

    def pillar(self, key: str) -> PillarScore:
        """One pillar's score, by key."""
        return next(p for p in self.pillars if p.key == key)

    def rounded(self) -> dict[str, float]:
        """Pillars to two decimals and `ssi`, their sum: what the store keeps."""
        values = {p.key: round(p.score, DIGITS) for p in self.pillars}
        values["ssi"] = round(sum(values.values()), DIGITS)
        return values


def score_pillar(pillar: PillarModel, activity: Activity) -> PillarScore:
    """Base plus weight x normalised value of each known term, re-weighted over known terms."""
    values = [(term, term.value(activity)) for term in pillar.terms]
    known_weight = math.fsum(term.weight for term, value in values if value is not None)
    total_weight = pillar.total_weight
    reweight = total_weight / known_weight if known_weight > 0 else 0.0
    terms: list[TermPoints] = []
    for term, value in values:
        if value is None:
            terms.append(TermPoints(term, None, None, 0.0, 0.0))
            continue
        normalised = term.normalised(value)
        # The term's share of the known weight, times the pillar's: never overflows, even for
        # a weight so tiny that total / known would be infinite.
        weight = term.weight / known_weight * total_weight if known_weight > 0 else 0.0
        terms.append(TermPoints(term, value, normalised, weight, weight * normalised))
    total = pillar.base + math.fsum(t.points for t in terms)
    # The model guarantees base + weights <= 25; the clamp only absorbs float round-off.
    return PillarScore(pillar.key, pillar.base, tuple(terms), reweight, min(PILLAR_MAX, total))


def score(model: Model, activity: Activity) -> Estimate:
    """The estimate for one rep on one date."""
    return Estimate(tuple(score_pillar(p, activity) for p in model.pillars))


def shares_summing_to(values: Sequence[float], total: float, digits: int = DIGITS) -> list[float]:
    """VALUES rounded to DIGITS so that they add up to TOTAL exactly (largest remainder).

    Rounding each point on its own can leave the shown column 0.01 off the shown score;
    this hands the difference to the values rounding lost most on.
    """
    unit = 10**digits
    wanted = round(round(total, digits) * unit)  # as round() and f"{:.2f}" show it (0.025 -> 0.03)
    floors = [math.floor(v * unit + 1e-9) for v in values]
    left = wanted - sum(floors)
    order = sorted(range(len(values)), key=lambda i: values[i] * unit - floors[i], reverse=True)
    for i in order[: max(0, left)]:
        floors[i] += 1
    return [f / unit for f in floors]
