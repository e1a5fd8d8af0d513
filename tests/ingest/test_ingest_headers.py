"""Header matching: one alias table, case, spaces, underscores and punctuation ignored."""

from __future__ import annotations

import pytest

from ssi_tui.ingest.headers import (
    ALIASES,
    REQUIRED,
    canonical_name,
    match_headers,
    normalise_header,
)
from ssi_tui.pillars import PILLARS, Pillar

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
# Headers of hand-typed sheets and Sales Navigator team exports (issue #20), and what
# spreadsheet users commonly write.
EVERYDAY_ALIASES: list[tuple[str, str]] = [
    *((h, "date") for h in ("Week of", "Week", "Week ending", "Snapshot", "Report date")),
    *(
        (h, "name")
        for h in ("Seat Holder Name", "Rep name", "Member", "Seat holder", "Salesperson")
    ),
    *((h, "rep_id") for h in ("Email", "E-mail", "Email address", "LinkedIn URL", "Profile URL")),
    *((h, "ssi") for h in ("SSI Score", "Total SSI", "SSI total", "Total score")),
    *((h, "brand") for h in ("Professional Brand", "Brand")),
    *((h, "people") for h in ("Find People", "Find Right People", "People")),
    *((h, "insights") for h in ("Insight Engagement", "Insights")),
    *((h, "relationships") for h in ("Strong Relationship", "Strong relationships")),
    ("Industry rank", "industry_rank"),
    ("Network rank", "network_rank"),
    *((h, "team") for h in ("Team name", "Group", "Sales team")),
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


@pytest.mark.parametrize(("header", "canonical"), EVERYDAY_ALIASES)
def test_everyday_sheet_and_sales_navigator_headers_are_matched(
    header: str, canonical: str
) -> None:
    assert canonical_name(header) == canonical


def test_no_spelling_names_two_columns() -> None:
    claimed: dict[str, set[str]] = {}
    for canonical, aliases in ALIASES.items():
        for alias in aliases:
            claimed.setdefault(normalise_header(alias), set()).add(canonical)
    assert {spelling: c for spelling, c in claimed.items() if len(c) > 1} == {}


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


@pytest.mark.parametrize("pillar", PILLARS, ids=lambda p: p.key)
def test_the_boards_own_column_titles_are_matched(pillar: Pillar) -> None:
    """A sheet headed as the board is ('Relations') was refused for want of a column."""
    assert canonical_name(pillar.short) == pillar.key
    assert canonical_name(pillar.label) == pillar.key
