"""Scoring: hand-computed cases with the default model, and the guarantees as properties.

The default model (ssi_tui/models/default_model.toml), in points (weight x normalised value):
  brand:         photo 4 (cap 1), completeness 8 (cap 100), articles 5 (cap 1),
                 article_views 4 (cap 500, log), followers_gained 4 (cap 30, log)
  people:        searches 9 (cap 25), leads_saved 9 (cap 10), profile_views 7 (cap 50, log)
  insights:      posts_shared 7 (cap 5), engagement 6 (cap 150, log), accounts_saved 5 (cap 5),
                 inmail answered/sent 7 (cap 0.5)
  relationships: connections 8 (cap 1500, log), senior 9 (cap 250, log),
                 requests accepted/sent 8 (cap 0.6)
linear: min(v, cap) / cap;  log: ln(1 + min(v, cap)) / ln(1 + cap).
"""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from ssi_tui.estimate.measures import MEASURE_KEYS, MEASURES_BY_KEY, PARTS_OF_WHOLES
from ssi_tui.estimate.model import Model, PillarModel, Term, load_model, parse_model, to_toml
from ssi_tui.estimate.scoring import score, score_pillar, shares_summing_to
from ssi_tui.pillars import PILLAR_KEYS
from tests.estimate.conftest import ANA

DEFAULT = load_model()
RATE_DENOMINATORS = {t.per for p in DEFAULT.pillars for t in p.terms if t.per}


def ana_activity() -> dict[str, float | None]:
    return {k: (float(ANA[k]) if k in ANA else None) for k in MEASURE_KEYS}


def test_a_hand_computed_rep() -> None:
    estimate = score(DEFAULT, ana_activity())
    # brand: photo 1 -> 4 x 1 = 4; completeness 50 -> 8 x 50/100 = 4; articles 0 -> 0;
    #        views 500 = cap -> 4 x ln(501)/ln(501) = 4; followers 0 -> 0.        = 12
    assert estimate.pillar("brand").score == pytest.approx(12.0)
    # people: searches 10 -> 9 x 10/25 = 3.6; leads 5 -> 9 x 5/10 = 4.5; profile_views
    #         unknown: the known weights (9 + 9 = 18) are scaled to the pillar's 25,
    #         (3.6 + 4.5) x 25/18 = 8.1 x 1.3889 = 11.25
    assert estimate.pillar("people").score == pytest.approx(11.25)
    assert estimate.pillar("people").reweight == pytest.approx(25 / 18)
    # insights: posts 5 -> 7; engagement 0 -> 0; accounts 1 -> 5 x 1/5 = 1;
    #           InMails 1 answered of 4 = 25% -> 7 x 0.25/0.5 = 3.5          = 11.5
    assert estimate.pillar("insights").score == pytest.approx(11.5)
    # relationships: connections 1500 = cap -> 8; senior 0 -> 0;
    #                requests 3 accepted of 10 = 30% -> 8 x 0.3/0.6 = 4       = 12
    assert estimate.pillar("relationships").score == pytest.approx(12.0)
    # total: 12 + 11.25 + 11.5 + 12 = 46.75
    assert estimate.rounded() == {
        "brand": 12.0,
        "people": 11.25,
        "insights": 11.5,
        "relationships": 12.0,
        "ssi": 46.75,
    }


def test_a_log_scale_term_earns_half_its_points_at_the_square_root() -> None:
    # followers_gained: cap 30, log: v = sqrt(31) - 1 gives ln(1 + v) = ln(31)/2, so half of
    # its 4 points = 2; with only that brand measure known it is re-weighted 25/4:
    # 2 x 25/4 = 12.5.
    brand = score_pillar(DEFAULT.pillar("brand"), {"followers_gained": math.sqrt(31) - 1})
    assert brand.terms[4].points == pytest.approx(2 * 25 / 4)
    assert brand.score == pytest.approx(12.5)


def test_everything_at_the_caps_is_25_a_pillar_and_nothing_is_0() -> None:
    full = {
        "profile_photo": 1,
        "profile_completeness": 100,
        "articles_published": 3,
        "article_views": 10_000,
        "followers_gained": 30,
        "searches": 25,
        "leads_saved": 10,
        "profile_views": 50,
        "posts_shared": 5,
        "engagement_received": 150,
        "accounts_saved": 5,
        "inmails_sent": 10,
        "inmails_answered": 5,
        "connection_requests_sent": 10,
        "connection_requests_accepted": 6,
        "connections": 1500,
        "senior_connections": 250,
    }
    assert score(DEFAULT, full).rounded()["ssi"] == 100.0
    nothing = {k: 0.0 for k in MEASURE_KEYS} | {"inmails_sent": 3, "connection_requests_sent": 3}
    assert score(DEFAULT, nothing).rounded()["ssi"] == 0.0


def test_an_unknown_rate_is_not_a_zero_rate() -> None:
    # 0 InMails sent: the response rate is unknown (0/0), not 0%; posts 5 of 5 alone then
    # carry the pillar: 7 x 1 x 25/7 = 25 (no other insights measure known).
    insights = score_pillar(
        DEFAULT.pillar("insights"), {"posts_shared": 5, "inmails_sent": 0, "inmails_answered": 0}
    )
    assert insights.score == pytest.approx(25.0)
    assert "inmail_response_rate" in insights.unknown


def test_a_pillar_with_no_known_measure_is_its_base() -> None:
    people = score_pillar(DEFAULT.pillar("people"), {"posts_shared": 3})
    assert people.score == 0.0
    assert not people.has_evidence
    based = PillarModel("people", 2.5, DEFAULT.pillar("people").terms)
    assert score_pillar(based, {}).score == 2.5


def test_missing_data_neither_zeroes_nor_inflates() -> None:
    # Every known brand measure at half of its cap: the pillar is half of 25, however many
    # of the measures are known.
    halves = {"profile_completeness": 50, "articles_published": 0.5}
    assert score_pillar(DEFAULT.pillar("brand"), halves).score == pytest.approx(12.5)
    only_one = {"profile_completeness": 50}
    assert score_pillar(DEFAULT.pillar("brand"), only_one).score == pytest.approx(12.5)


# -- properties ----------------------------------------------------------------------------


@st.composite
def activities(draw: st.DrawFn) -> dict[str, float | None]:
    """Valid activity rows: any subset known, parts never above their wholes."""
    row: dict[str, float | None] = {}
    for key in MEASURE_KEYS:
        kind = MEASURES_BY_KEY[key].kind
        if kind == "flag":
            value = draw(st.sampled_from([None, 0.0, 1.0]))
        elif kind == "percent":
            value = draw(st.none() | st.floats(0, 100))
        else:
            value = draw(st.none() | st.floats(0, 1e7) | st.integers(0, 200).map(float))
        row[key] = value
    for part, whole in PARTS_OF_WHOLES:
        if row[part] is not None and row[whole] is not None and row[part] > row[whole]:
            row[part] = row[whole]
    return row


@st.composite
def models(draw: st.DrawFn) -> Model:
    """Random valid models: the default's terms with any weights, caps, scales and base."""
    pillars = []
    for pillar in DEFAULT.pillars:
        shares = [draw(st.floats(0, 1)) for _ in range(len(pillar.terms) + 1)]
        spend = draw(st.floats(0, 25))
        total = sum(shares) or 1.0
        points = [spend * s / total for s in shares]
        terms = tuple(
            Term(
                t.name,
                t.measure,
                t.per,
                points[i + 1],
                draw(st.floats(0.01, 5000)),
                draw(st.sampled_from(["linear", "log"])),
            )
            for i, t in enumerate(pillar.terms)
        )
        pillars.append(PillarModel(pillar.key, points[0], terms))
    draft = Model("random", "", tuple(pillars), "")
    return parse_model(to_toml(draft))


@settings(max_examples=300, deadline=None)
@given(activities(), models() | st.just(DEFAULT))
def test_scores_never_leave_0_to_25(activity: dict[str, float | None], model: Model) -> None:
    estimate = score(model, activity)
    for pillar in estimate.pillars:
        assert 0.0 <= pillar.score <= 25.0
    rounded = estimate.rounded()
    assert all(0.0 <= rounded[k] <= 25.0 for k in PILLAR_KEYS)
    assert 0.0 <= rounded["ssi"] <= 100.0


@settings(max_examples=300, deadline=None)
@given(
    activities(),
    models() | st.just(DEFAULT),
    st.sampled_from([k for k in MEASURE_KEYS if k not in RATE_DENOMINATORS]),
    st.floats(0, 1e6),
)
def test_no_pillar_falls_when_an_activity_rises(
    activity: dict[str, float | None], model: Model, key: str, more: float
) -> None:
    assume(activity[key] is not None)
    before = score(model, activity)
    raised = dict(activity)
    raised[key] = activity[key] + more  # type: ignore[operator]
    after = score(model, raised)
    for old, new in zip(before.pillars, after.pillars, strict=True):
        assert new.score >= old.score - 1e-9


def test_a_rate_falls_when_only_its_denominator_rises() -> None:
    # The documented exception: more InMails sent, none more answered, is a lower rate.
    low = score_pillar(DEFAULT.pillar("insights"), {"inmails_sent": 4, "inmails_answered": 1})
    high = score_pillar(DEFAULT.pillar("insights"), {"inmails_sent": 8, "inmails_answered": 1})
    assert high.score < low.score


@settings(max_examples=300, deadline=None)
@given(activities(), models() | st.just(DEFAULT))
def test_the_breakdown_adds_up_to_the_score(
    activity: dict[str, float | None], model: Model
) -> None:
    estimate = score(model, activity)
    for pillar in estimate.pillars:
        raw = pillar.base + math.fsum(t.points for t in pillar.terms)
        assert raw == pytest.approx(pillar.score, abs=1e-9)
        shown = shares_summing_to([pillar.base, *(t.points for t in pillar.terms)], pillar.score)
        assert round(sum(shown), 2) == round(pillar.score, 2)
        assert all(
            abs(s - v) < 0.01 + 1e-9
            for s, v in zip(shown[1:], [t.points for t in pillar.terms], strict=True)
        )


@given(st.lists(st.floats(0, 25), min_size=1, max_size=8))
def test_shown_points_are_rounded_to_add_up_exactly(values: list[float]) -> None:
    total = round(sum(values), 2)
    shown = shares_summing_to(values, total)
    assert round(sum(shown), 2) == total
    assert all(abs(s - v) <= 0.01 + 1e-9 for s, v in zip(shown, values, strict=True))


def test_a_vanishingly_small_weight_does_not_overflow_the_reweighting() -> None:
    # Found by hypothesis: the only known term had weight 2.2e-313; 25 / 2.2e-313 is infinite,
    # so the term's re-weighted weight is computed as its share of the known weight x 25.
    tiny = PillarModel("people", 0.0, (Term("profile_views", "profile_views", None, 2.2e-313, 1),))
    people = score_pillar(tiny, {"profile_views": 1.0})
    assert people.terms[0].points == pytest.approx(2.2e-313)
    assert people.score == pytest.approx(people.base + people.terms[0].points)
    assert math.isfinite(people.score)
