"""The activity measures: the ONE definition of what an activity export may hold.

Import (headers, validation), the store (the activities table), the scoring model and the
explain table all use these keys. Any subset may be present in an export; a missing measure
is unknown (NULL), never zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["flag", "percent", "count"]


@dataclass(frozen=True)
class Measure:
    """One activity measure of one rep on one date."""

    key: str
    """Column name in exports (see ingest/headers.py for aliases) and in the store."""
    label: str
    """Shown in the explain table."""
    kind: Kind
    """flag: 0 or 1; percent: 0-100; count: any number >= 0."""


MEASURES: tuple[Measure, ...] = (
    Measure("profile_photo", "Profile photo", "flag"),
    Measure("profile_completeness", "Profile completeness (%)", "percent"),
    Measure("articles_published", "Articles published", "count"),
    Measure("article_views", "Article views", "count"),
    Measure("followers_gained", "Followers gained", "count"),
    Measure("searches", "Searches", "count"),
    Measure("leads_saved", "Leads saved", "count"),
    Measure("profile_views", "Profiles viewed (research)", "count"),
    Measure("posts_shared", "Posts shared", "count"),
    Measure("engagement_received", "Engagement received", "count"),
    Measure("accounts_saved", "Accounts saved", "count"),
    Measure("inmails_sent", "InMails sent", "count"),
    Measure("inmails_answered", "InMails answered", "count"),
    Measure("connection_requests_sent", "Connection requests sent", "count"),
    Measure("connection_requests_accepted", "Connection requests accepted", "count"),
    Measure("connections", "Connections", "count"),
    Measure("senior_connections", "Senior connections", "count"),
)

MEASURE_KEYS: tuple[str, ...] = tuple(m.key for m in MEASURES)
MEASURES_BY_KEY: dict[str, Measure] = {m.key: m for m in MEASURES}

PARTS_OF_WHOLES: tuple[tuple[str, str], ...] = (
    ("inmails_answered", "inmails_sent"),
    ("connection_requests_accepted", "connection_requests_sent"),
    ("senior_connections", "connections"),
)
"""(part, whole): a part can never exceed its whole on the same row (checked on import)."""
