"""Header matching: one alias table, case, spaces, underscores and punctuation ignored."""

from __future__ import annotations

import pytest

from ssi_tui.ingest.headers import REQUIRED, canonical_name, match_headers, normalise_header

# Every alias the spec names, with the canonical column it must map to.
SPEC_ALIASES: list[tuple[str, str]] = [
    *((h, "ssi") for h in ("Social Selling Index", "ssi_score", "overall", "total")),
    *(
        (h, "brand")
        for h in (
            "Establish your professional brand",
            "professional_brand",
            "PROFESSIONAL_BRAND",
            "prof_brand",
        )
    ),
    *(
        (h, "people")
        for h in ("Find the right people", "find_the_right_people", "FIND_RIGHT_PEOPLE")
    ),
    *(
        (h, "insights")
        for h in (
            "Engage with insights",
            "engage_with_insights",
            "INSIGHT_ENGAGEMENT",
            "insight_engagement",
        )
    ),
    *(
        (h, "relationships")
        for h in (
            "Build relationships",
            "build_relationships",
            "STRONG_RELATIONSHIP",
            "relationship",
        )
    ),
    ("Industry SSI rank", "industry_rank"),
    ("Network SSI rank", "network_rank"),
    *((h, "date") for h in ("snapshot_date", "Date", "recordedAt")),
    *((h, "name") for h in ("Rep", "Seat holder", "Full name")),
]
CANONICAL = (
    "date",
    "name",
    "rep_id",
    "team",
    "brand",
    "people",
    "insights",
    "relationships",
    "ssi",
    "industry_rank",
    "network_rank",
    "industry_avg",
    "network_avg",
)


@pytest.mark.parametrize(("header", "canonical"), SPEC_ALIASES)
def test_every_spec_alias_maps_to_its_column(header: str, canonical: str) -> None:
    assert canonical_name(header) == canonical


@pytest.mark.parametrize("canonical", CANONICAL)
def test_canonical_names_map_to_themselves(canonical: str) -> None:
    assert canonical_name(canonical) == canonical
    assert canonical_name(canonical.upper()) == canonical


@pytest.mark.parametrize(
    "variant",
    [
        "Social Selling Index",
        "social_selling_index",
        "SOCIAL-SELLING-INDEX",
        "  Social  Selling  Index  ",
        "social.selling.index",
        "SocialSellingIndex",
        "Social Selling Index:",
    ],
)
def test_case_spaces_underscores_and_punctuation_are_ignored(variant: str) -> None:
    assert normalise_header(variant) == "socialsellingindex"
    assert canonical_name(variant) == "ssi"


def test_unknown_headers_are_listed_and_required_ones_reported_missing() -> None:
    match = match_headers(["Date", "Full name", "Notes", "Favourite colour", "total"])
    assert match.unknown == ["Notes", "Favourite colour"]
    assert match.columns == {"Date": "date", "Full name": "name", "total": "ssi"}
    assert match.missing() == ["brand", "people", "insights", "relationships"]
    assert set(REQUIRED) == {"date", "name", "brand", "people", "insights", "relationships"}


def test_two_headers_claiming_one_column_are_reported() -> None:
    match = match_headers(["total", "Social Selling Index"])
    assert match.duplicates == {"ssi": ["total", "Social Selling Index"]}
