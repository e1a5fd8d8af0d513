"""The four SSI pillars: one definition for every layer (import, queries, screens, coaching)."""

from __future__ import annotations

from dataclasses import dataclass

PILLAR_MAX = 25.0
TOTAL_MAX = 100.0
TOTAL_TOLERANCE = 1.0
"""LinkedIn rounds the total it shows, so it may differ from the pillar sum by up to this."""
NOT_GIVEN = "–"
"""What every screen and output shows for a pillar a snapshot does not give (a total alone):
the pillar is unknown, never 0."""


@dataclass(frozen=True)
class Pillar:
    """One of LinkedIn's four SSI pillars and what a manager can do to raise it."""

    key: str
    """Column name in the store and the canonical export."""
    label: str
    """LinkedIn's own wording, shown in headers and the drill-down."""
    short: str
    """A short header."""
    tiny: str
    """A header of at most five cells, for the narrowest layout."""
    colour: str
    """Textual/Rich colour used for bars and sparklines."""
    coaching: tuple[str, ...]
    """Concrete suggestions, drawn from what LinkedIn says drives the pillar."""


PILLARS: tuple[Pillar, ...] = (
    Pillar(
        key="brand",
        label="Establish your professional brand",
        short="Brand",
        tiny="Brand",
        colour="dodger_blue1",
        coaching=(
            "Complete every profile section and use a professional photo and banner.",
            "Publish one article or long post a week and reply to its comments"
            " to grow views and followers.",
        ),
    ),
    Pillar(
        key="people",
        label="Find the right people",
        short="People",
        tiny="Peopl",
        colour="medium_purple1",
        coaching=(
            "Run saved searches for the territory every week and act on the new matches.",
            "Use Lead Builder and save 10 new leads a week; look at who viewed your profile.",
        ),
    ),
    Pillar(
        key="insights",
        label="Engage with insights",
        short="Insights",
        tiny="Insig",
        colour="dark_orange",
        coaching=(
            "Share one useful insight a day and comment on prospects' posts"
            " to earn likes, comments and shares.",
            "Save key accounts and follow up InMails within a day to lift the response rate.",
        ),
    ),
    Pillar(
        key="relationships",
        label="Build relationships",
        short="Relations",
        tiny="Relat",
        colour="green3",
        coaching=(
            "Connect with senior decision makers at target accounts (VP and above).",
            "Personalise every connection request to raise the acceptance rate.",
        ),
    ),
)

PILLAR_KEYS: tuple[str, ...] = tuple(p.key for p in PILLARS)
PILLARS_BY_KEY: dict[str, Pillar] = {p.key: p for p in PILLARS}


def pillar_text(value: float | None, digits: int = 2) -> str:
    """A pillar as shown (`15.50`), or NOT_GIVEN when the snapshot gave only its total."""
    return NOT_GIVEN if value is None else f"{value:.{digits}f}"
