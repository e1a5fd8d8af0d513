"""Header matching: the ONE alias table that maps whatever an export calls a column to ours."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

REQUIRED: tuple[str, ...] = ("date", "name", "brand", "people", "insights", "relationships")
"""Columns an SSI export must have (rep_id and the rest are optional)."""

OPTIONAL: tuple[str, ...] = (
    "rep_id",
    "team",
    "ssi",
    "industry_rank",
    "network_rank",
    "industry_avg",
    "network_avg",
)

ALIASES: dict[str, tuple[str, ...]] = {
    # Our own names first, then LinkedIn's SSI page and API, Sales Navigator's team exports
    # (`Seat Holder Name`, `SSI Score`, `Find Right People`...) and what spreadsheet users type.
    # Matching ignores case, spaces and punctuation (normalise_header); each spelling may name
    # one column only (tests/ingest/test_ingest_headers.py checks it).
    "date": (
        "date",
        "snapshot_date",
        "recordedAt",
        "recorded_at",
        "snapshot",
        "day",
        "as_of",
        "as of date",
        "report date",
        "date recorded",
        "week",
        "week of",
        "week ending",
        "week ended",
        "week starting",
        "week start",
        "week commencing",
    ),
    "name": (
        "name",
        "Rep",
        "Rep name",
        "Seat holder",
        "Seat holder name",
        "Full name",
        "member",
        "member_name",
        "sales rep",
        "salesperson",
        "seller",
        "employee",
        "employee name",
        "representative",
    ),
    "rep_id": (
        "rep_id",
        "id",
        "email",
        "e-mail",
        "email address",
        "e-mail address",
        "seat holder email",
        "work email",
        "profile",
        "profile_url",
        "profile link",
        "linkedin_url",
        "linkedin profile",
        "linkedin profile url",
        "public profile url",
        "member_id",
        "rep id",
    ),
    "team": ("team", "team_name", "group", "group name", "squad", "sales team", "department"),
    "ssi": (
        "ssi",
        "Social Selling Index",
        "ssi_score",
        "overall",
        "total",
        "score",
        "total_ssi",
        "ssi total",
        "total score",
        "overall ssi",
        "overall score",
        "current ssi",
        "linkedin ssi",
        "Social Selling Index score",
    ),
    "brand": (
        "brand",
        "Establish your professional brand",
        "Establish professional brand",
        "professional_brand",
        "PROFESSIONAL_BRAND",
        "prof_brand",
        "brand score",
    ),
    "people": (
        "people",
        "Find the right people",
        "find_the_right_people",
        "FIND_RIGHT_PEOPLE",
        "find people",
        "finding the right people",
        "people score",
    ),
    "insights": (
        "insights",
        "Engage with insights",
        "engage_with_insights",
        "INSIGHT_ENGAGEMENT",
        "insight_engagement",
        "engage insights",
        "engaging with insights",
        "insight",
        "insights score",
    ),
    "relationships": (
        "relationships",
        "Build relationships",
        "build_relationships",
        "STRONG_RELATIONSHIP",
        "relationship",
        "strong relationships",
        "build strong relationships",
        "building relationships",
        "relationships score",
        "relations",  # the board's own column title
    ),
    "industry_rank": (
        "industry_rank",
        "Industry SSI rank",
        "industry rank",
        "industry ranking",
        "rank in industry",
        "industry top",
    ),
    "network_rank": (
        "network_rank",
        "Network SSI rank",
        "network rank",
        "network ranking",
        "rank in network",
        "network top",
    ),
    "industry_avg": (
        "industry_avg",
        "industry_average",
        "Industry SSI",
        "Industry average SSI",
        "Industry SSI average",
        "People in your industry",
    ),
    "network_avg": (
        "network_avg",
        "network_average",
        "Network SSI",
        "Network average SSI",
        "Network SSI average",
        "People in your network",
    ),
    # Activity measures (ssi_tui/estimate/measures.py): an export with these and no pillar
    # columns is an activity export (ingest/activity.py), scored into an estimated SSI.
    "profile_photo": ("profile_photo", "Profile photo", "photo", "has_photo", "has_profile_photo"),
    "profile_completeness": (
        "profile_completeness",
        "Profile completeness",
        "profile_complete",
        "profile_completion",
        "profile_strength",
    ),
    "articles_published": ("articles_published", "Articles published", "articles"),
    "article_views": ("article_views", "Article views", "views_of_articles"),
    "followers_gained": ("followers_gained", "Followers gained", "new_followers"),
    "searches": ("searches", "Searches", "searches_run", "searches_performed"),
    "leads_saved": ("leads_saved", "Leads saved", "saved_leads"),
    "profile_views": ("profile_views", "Profiles viewed", "profiles_viewed"),
    "posts_shared": ("posts_shared", "Posts shared", "posts", "updates_shared"),
    "engagement_received": ("engagement_received", "Engagement received", "engagement"),
    "accounts_saved": ("accounts_saved", "Accounts saved", "saved_accounts"),
    "inmails_sent": ("inmails_sent", "InMails sent", "inmail_sent"),
    "inmails_answered": (
        "inmails_answered",
        "InMails answered",
        "inmail_responses",
        "inmails_replied",
    ),
    "connection_requests_sent": (
        "connection_requests_sent",
        "Connection requests sent",
        "invitations_sent",
        "invites_sent",
    ),
    "connection_requests_accepted": (
        "connection_requests_accepted",
        "Connection requests accepted",
        "invitations_accepted",
        "invites_accepted",
    ),
    "connections": ("connections", "Connections", "connection_count", "network_size"),
    "senior_connections": ("senior_connections", "Senior connections", "vp_connections"),
}


def normalise_header(text: str) -> str:
    """Lower-case, accents and everything but letters and digits removed.

    So `Social Selling Index`, `social_selling_index` and `SOCIAL-SELLING-INDEX` all agree.
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]", "", ascii_only.casefold())


_LOOKUP: dict[str, str] = {
    normalise_header(alias): canonical
    for canonical, aliases in ALIASES.items()
    for alias in aliases
}


def canonical_name(header: str) -> str | None:
    """Our column name for an export's header, or None when we do not know it."""
    return _LOOKUP.get(normalise_header(header))


@dataclass
class HeaderMatch:
    """How an export's headers map onto our columns."""

    columns: dict[str, str] = field(default_factory=dict)
    """Export header -> canonical column, for every recognised header."""
    unknown: list[str] = field(default_factory=list)
    """Headers we ignore (reported in a one-line notice)."""
    duplicates: dict[str, list[str]] = field(default_factory=dict)
    """Canonical column -> the several headers that claim it (an error)."""

    def missing(self, required: tuple[str, ...] = REQUIRED) -> list[str]:
        """Required canonical columns that no header provides."""
        present = set(self.columns.values())
        return [name for name in required if name not in present]


def match_headers(headers: list[str]) -> HeaderMatch:
    """Match every header through the alias table."""
    match = HeaderMatch()
    claimed: dict[str, list[str]] = {}
    for header in headers:
        canonical = canonical_name(header)
        if canonical is None:
            if header.strip():
                match.unknown.append(header)
            continue
        claimed.setdefault(canonical, []).append(header)
        match.columns[header] = canonical
    match.duplicates = {c: hs for c, hs in claimed.items() if len(hs) > 1}
    return match


_SHOWN_HEADERS = 12
"""How many of a file's headers a missing-column message lists before counting the rest."""
_SHOWN_HEADER_CHARS = 40


MAP_HINT = '--map "{pair}"'
"""How messages spell a mapping pair: the CLI's option; the import dialog passes its own box."""


def missing_column_message(column: str, headers: Sequence[str], map_hint: str = MAP_HINT) -> str:
    """What to do about a missing COLUMN: the HEADERS the file has, the spellings we accept for
    it, and the mapping that names it explicitly (the header most like one of them, if any),
    spelled by MAP_HINT as the user gives mappings (`--map`, or the dialog's box)."""
    shown = [_shorten(h) for h in headers[:_SHOWN_HEADERS]]
    rest = len(headers) - len(shown)
    seen = ", ".join(shown) + (f" and {rest} more" if rest > 0 else "") if shown else "none"
    spellings = {normalise_header(alias): alias for alias in reversed(ALIASES[column])}
    accepted = ", ".join(reversed(spellings.values()))
    example = _likely_header(column, headers) or "HEADER"
    return (
        f"headers seen: {seen}; accepted for '{column}': {accepted};"
        f" or say which header holds it with {map_hint.format(pair=f'{example}={column}')}"
    )


def _shorten(header: str) -> str:
    header = header.strip()
    return header if len(header) <= _SHOWN_HEADER_CHARS else header[:_SHOWN_HEADER_CHARS] + "…"


def _likely_header(column: str, headers: Sequence[str]) -> str | None:
    """The unrecognised header spelled most like one of COLUMN's aliases, when one is close."""
    wanted = {normalise_header(alias) for alias in ALIASES[column]}
    best, best_ratio = None, 0.6
    for header in headers:
        spelled = normalise_header(header)
        if not spelled or len(spelled) > 60 or canonical_name(header) is not None:
            continue
        for alias in wanted:
            ratio = difflib.SequenceMatcher(None, spelled, alias).ratio()
            if ratio > best_ratio:
                best, best_ratio = header.strip(), ratio
    return best
