"""Reading a copied SSI page (linkedin.com/sales/ssi): every value, whatever the order, line
breaks and page noise, and exactly what could not be found."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ssi_tui.ingest.ssi_page import SsiPage, decode_page, number_text, read_ssi_page
from ssi_tui.pillars import PILLAR_KEYS, PILLARS

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "ssi_page"
SAMPLE = Path(__file__).resolve().parents[2] / "sample_data" / "ssi_page.paste"


def _values(page: SsiPage) -> dict[str, float | None]:
    return {
        "ssi": page.total,
        **{key: page.pillars.get(key) for key in PILLAR_KEYS},
        "industry_rank": page.industry_rank,
        "network_rank": page.network_rank,
        "industry_avg": page.industry_avg,
        "network_avg": page.network_avg,
    }


def _expected(ssi, brand, people, insights, relationships, ranks, averages):  # type: ignore[no-untyped-def]
    return {
        "ssi": ssi,
        "brand": brand,
        "people": people,
        "insights": insights,
        "relationships": relationships,
        "industry_rank": ranks[0],
        "network_rank": ranks[1],
        "industry_avg": averages[0],
        "network_avg": averages[1],
    }


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("full_page.txt", _expected(58, 14.82, 12.5, 15.1, 15.58, (18, 22), (41, 33))),
        ("windows_crlf.txt", _expected(67, 20.998, 15.2, 13.5, 17.3, (9, 14), (38, 29.5))),
        ("one_line.txt", _expected(71, 19.4, 16.75, 17.2, 17.65, (6, 11), (44, 36))),
        (
            "labels_then_numbers.txt",
            _expected(44, 11.25, 9.8, 12.05, 10.9, (31, 40), (41, 35)),
        ),
        (
            "partial_page.txt",
            _expected(58, None, None, None, None, (18, None), (41, None)),
        ),
        (
            "pillars_only.txt",
            _expected(None, 14.82, 12.5, 15.1, 15.58, (None, None), (None, None)),
        ),
    ],
)
def test_each_sample_page_reads_every_value_it_shows(file: str, expected: dict) -> None:
    assert _values(read_ssi_page((PAGES / file).read_text(encoding="utf-8"))) == expected


def test_windows_line_endings_are_in_the_sample_as_copied() -> None:
    """The CRLF sample really holds CRLF (an editor must not have normalised it)."""
    assert b"\r\n" in (PAGES / "windows_crlf.txt").read_bytes()


def test_the_readme_sample_is_the_issues_page() -> None:
    page = read_ssi_page(SAMPLE.read_text(encoding="utf-8"))
    assert (page.total, page.industry_rank, page.network_rank, page.industry_avg) == (
        58,
        18,
        22,
        41,
    )
    assert page.not_found() == []


def test_a_complete_page_misses_nothing() -> None:
    page = read_ssi_page((PAGES / "full_page.txt").read_text(encoding="utf-8"))
    assert page.not_found() == []
    assert page.describe() == (
        "Read: total 58, brand 14.82, people 12.5, insights 15.1, relationships 15.58,"
        " industry Top 18%, industry average 41, network Top 22%, network average 33."
    )


def test_a_page_without_pillars_says_so_and_is_still_a_snapshot() -> None:
    page = read_ssi_page((PAGES / "partial_page.txt").read_text(encoding="utf-8"))
    assert page.not_found() == ["the pillars"]
    assert page.is_snapshot and page.total_or_sum == 58
    assert page.describe() == (
        "Read: total 58, industry Top 18%, industry average 41; could not find: the pillars."
    )


def test_pillars_without_a_total_make_their_sum_the_total() -> None:
    page = read_ssi_page((PAGES / "pillars_only.txt").read_text(encoding="utf-8"))
    assert page.not_found() == ["the total"]
    assert page.total is None and page.total_or_sum == 58
    assert "(total = the pillar sum, 58); could not find: the total." in page.describe()


def test_the_missing_pillars_are_named_by_linkedins_words() -> None:
    page = read_ssi_page("58 out of 100\nFind the right people\n12.5\nBuild relationships 15.58")
    assert page.not_found() == ["Establish your professional brand", "Engage with insights"]
    assert page.describe().endswith(
        "could not find: Establish your professional brand, Engage with insights."
    )


def test_some_pillars_and_no_total_is_no_snapshot() -> None:
    page = read_ssi_page("Find the right people 12.5")
    assert not page.is_snapshot
    assert page.not_found()[0] == "the total"


def test_text_with_no_ssi_page_in_it_finds_nothing() -> None:
    page = read_ssi_page((PAGES / "not_a_page.txt").read_text(encoding="utf-8"))
    assert _values(page) == dict.fromkeys(_values(page))
    assert not page.is_snapshot
    assert page.describe() == "Read: nothing; could not find: the total, the pillars."


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Your SSI 58", 58),
        ("Your SSI: 58.4", 58.4),
        ("SSI score 61", 61),
        ("Current Social Selling Index\n\n63\n", 63),
        ("Messaging 3\n58/100", 58),
        ("58 out of 100", 58),
        ("57,5 out of 100", 57.5),
    ],
)
def test_the_total_in_each_of_its_forms(text: str, total: float) -> None:
    assert read_ssi_page(text).total == total


def test_page_noise_is_not_taken_for_values() -> None:
    """The blurb names the pillars ("establishing your professional brand"), headings say "your
    SSI", menus carry counts: none of them is a value."""
    page = read_ssi_page(
        "Your Social Selling Index (SSI) measures how effective you are at establishing your"
        " professional brand, finding the right people, engaging with insights, and building"
        " relationships. Messaging 3 Notifications 12\n"
        "Four components of your SSI\nEstablish your professional brand\n14.82\n"
        "Updated on 5 December 2026"
    )
    assert page.total is None
    assert page.pillars == {"brand": 14.82}


def test_a_value_out_of_its_range_is_not_the_labels() -> None:
    """A pillar is at most 25 and a rank is a percentage: "Build relationships 40" is no
    pillar, "Industry SSI rank 18" no rank."""
    page = read_ssi_page("Build relationships 40 Industry SSI rank 18 Top 12% of sellers")
    assert page.pillars == {}
    assert page.industry_rank is None


def test_a_label_far_from_any_number_takes_none() -> None:
    page = read_ssi_page(
        "Engage with insights: share posts your network finds useful and comment on the"
        " posts of your prospects. 12.5"
    )
    assert page.pillars == {}


# Shuffled blocks, any line breaks: the property every paste relies on.

_SEPARATORS = st.sampled_from([" ", "\n", "\r\n", "\r", "\t", "\n\n", "\u00a0", " \r\n  "])
_NOISE = [
    "Skip to main content",
    "Sales Navigator",
    "Messaging 3",
    "Notifications 12",
    "Learn more",
    "Four components of your SSI",
    "Your Social Selling Index (SSI) measures how effective you are at establishing your"
    " professional brand, finding the right people, engaging with insights, and building"
    " relationships. It is updated daily.",
    "Updated on 5 December 2026",
    "About Accessibility Help Center Privacy & Terms",
    "LinkedIn Corporation © 2026",
]


def _shown(value: float, comma: bool) -> str:
    text = number_text(value)
    return text.replace(".", ",") if comma else text


@st.composite
def _pages(draw: st.DrawFn) -> tuple[list[list[str]], dict[str, float]]:
    """An SSI page as blocks of tokens (a label and its value stay together) and its values."""
    comma = draw(st.booleans())
    hundredths = [draw(st.integers(0, 2500)) for _ in PILLARS]
    pillars = {p.key: h / 100 for p, h in zip(PILLARS, hundredths, strict=True)}
    total = float(round(sum(hundredths) / 100))
    ranks = [draw(st.integers(1, 100)) for _ in range(2)]
    averages = [draw(st.integers(0, 100)) for _ in range(2)]
    total_shown = _shown(total, comma)
    blocks = [
        draw(
            st.sampled_from(
                [
                    ["Current Social Selling Index", total_shown, "out of", "100"],
                    [f"{total_shown} out of 100"],
                    ["Your SSI", total_shown],
                    [f"{total_shown}/100"],
                ]
            )
        )
    ]
    for pillar in PILLARS:
        value = _shown(pillars[pillar.key], comma)
        scale = draw(st.sampled_from([[], ["out of 25"], ["out", "of", "25"]]))
        blocks.append([*pillar.label.split(" "), value, *scale])
    for where, rank, average in zip(("Industry", "Network"), ranks, averages, strict=True):
        blocks.append([where, "SSI", "rank", *draw(st.sampled_from([["Top"], []])), f"{rank}%"])
        blocks.append(f"People in your {where.lower()} have an average SSI of {average}.".split())
    blocks += [[line] for line in draw(st.lists(st.sampled_from(_NOISE), max_size=6))]
    expected = {
        "ssi": total,
        **pillars,
        "industry_rank": ranks[0],
        "network_rank": ranks[1],
        "industry_avg": averages[0],
        "network_avg": averages[1],
    }
    return draw(st.permutations(blocks)), expected


@settings(max_examples=60, deadline=None)
@given(page=_pages(), data=st.data())
def test_any_order_and_line_breaks_read_the_same(
    page: tuple[list[list[str]], dict[str, float]], data: st.DataObject
) -> None:
    blocks, expected = page
    text = ""
    for token in [token for block in blocks for token in block]:
        text += token + data.draw(_SEPARATORS)
    assert _values(read_ssi_page(text)) == expected


def test_entry_fields_are_the_values_read_under_an_entrys_names() -> None:
    page = read_ssi_page((PAGES / "partial_page.txt").read_text(encoding="utf-8"))
    assert page.entry_fields() == {"ssi": 58, "industry_rank": 18, "industry_avg": 41}
    full = read_ssi_page((PAGES / "windows_crlf.txt").read_text(encoding="utf-8"))
    assert full.entry_fields() == {
        "ssi": 67,
        "brand": 20.998,
        "people": 15.2,
        "insights": 13.5,
        "relationships": 17.3,
        "industry_rank": 9,
        "network_rank": 14,
        "industry_avg": 38,
        "network_avg": 29.5,
    }


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_a_saved_page_decodes_in_the_encodings_editors_save(encoding: str) -> None:
    text = (PAGES / "full_page.txt").read_text(encoding="utf-8")
    assert decode_page(text.encode(encoding)) == text


def test_bytes_that_are_not_text_do_not_stop_the_reading() -> None:
    page = read_ssi_page(decode_page(b"Messaging \x9d\xff 3\n58 out of 100 \x9d"))
    assert page.total == 58


def test_the_industry_may_be_named() -> None:
    page = read_ssi_page(
        "Industry SSI rank\nTop 18%\n"
        "People in the Software Development industry have an average SSI of 41."
    )
    assert (page.industry_rank, page.industry_avg) == (18, 41)
