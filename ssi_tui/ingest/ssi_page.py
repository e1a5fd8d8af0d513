"""A rep's own SSI page (linkedin.com/sales/ssi), selected whole and copied: its numbers.

Pasted text arrives in any order and with any line breaks, amid the page's navigation and
footer. Each value is found after its label ("Establish your professional brand 14.82",
"Industry SSI rank … Top 18%") or by its own form ("58 out of 100"). Labels met one after
another take the numbers that follow them in turn, so a copy that puts the four pillar names
before their four numbers still reads right. Pure Python: no Polars, no Textual.
"""

from __future__ import annotations

import codecs
import re
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field

from ssi_tui.pillars import PILLAR_KEYS, PILLAR_MAX, PILLARS, PILLARS_BY_KEY, TOTAL_MAX

TOTAL = "ssi"
RANKS: tuple[str, ...] = ("industry_rank", "network_rank")
AVERAGES: tuple[str, ...] = ("industry_avg", "network_avg")


def _words(phrase: str) -> str:
    """PHRASE as a pattern that any run of spaces or line breaks between its words matches."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


_LABELS: dict[str, tuple[str, ...]] = {
    TOTAL: (
        r"current\s+social\s+selling\s+index(?:\s+score)?",
        # Only right before a number: "Four components of your SSI" is a heading.
        r"(?:your\s+(?:current\s+)?(?:ssi|social\s+selling\s+index)|(?:total\s+)?ssi\s+score"
        r"|total\s+ssi)(?:\s+score)?(?:\s+is)?(?=\s*[:=]?\s*\d)",
    ),
    **{p.key: (_words(p.label),) for p in PILLARS},
    "industry_rank": (r"industry\s+(?:ssi\s+)?rank(?:ing)?",),
    "network_rank": (r"network\s+(?:ssi\s+)?rank(?:ing)?",),
    "industry_avg": (
        # "People in your industry", or in "the Software Development industry".
        r"(?:people|members)\s+in\s+(?:your|the(?:\s+[^\W\d_][\w&'’.-]*){1,6})\s+industry"
        r"\s+have\s+an\s+average\s+"
        r"(?:ssi|social\s+selling\s+index)(?:\s+score)?\s+of",
        r"industry\s+average(?:\s+ssi)?",
    ),
    "network_avg": (
        r"(?:people|members)\s+in\s+your\s+network\s+have\s+an\s+average\s+"
        r"(?:ssi|social\s+selling\s+index)(?:\s+score)?\s+of",
        r"network\s+average(?:\s+ssi)?",
    ),
}
"""What introduces each value. Whole words only: the page's blurb says "establishing your
professional brand", which is no label."""

_LABEL = re.compile(
    "|".join(
        rf"(?P<{kind}>\b(?:{'|'.join(dict.fromkeys(patterns))})\b)"
        for kind, patterns in _LABELS.items()
    ),
    re.IGNORECASE,
)

_NUMBER = re.compile(
    r"(?:(?P<top>\btop)\s*|(?<![\w.,]))"
    r"(?P<value>\d{1,3}(?:[.,]\d+)?)(?![\d])(?![^\W\d_])"
    r"(?P<percent>\s*%)?"
    r"(?:\s*(?:out\s+of|/)\s*(?P<scale>\d{2,3})(?![\d]))?",
    re.IGNORECASE,
)

_WORD = re.compile(r"[^\W\d_]{2,}")
MAX_WORDS_BETWEEN = 6
"""More words than this between a label and a number (a sentence, a menu) part them."""
MAX_WORDS_IN_A_ROW = 2
"""Labels with at most this many words between them wait in a row for their numbers."""

_SPACES = re.compile(r"[\s\u00a0\u202f\u2007\u2009]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff]")


@dataclass(frozen=True)
class SsiPage:
    """What a pasted SSI page said: each value found, None (or absent) where it was not."""

    total: float | None = None
    """The total as the page shows it; see `total_or_sum` for the one to store."""
    pillars: Mapping[str, float] = field(default_factory=dict)
    """Pillar key -> value, for the pillars found."""
    industry_rank: float | None = None
    network_rank: float | None = None
    industry_avg: float | None = None
    network_avg: float | None = None

    @property
    def missing_pillars(self) -> tuple[str, ...]:
        """The keys of the pillars not found, in LinkedIn's order."""
        return tuple(key for key in PILLAR_KEYS if key not in self.pillars)

    @property
    def total_or_sum(self) -> float | None:
        """The total read, else the sum of the four pillars when all four were read."""
        if self.total is not None:
            return self.total
        if not self.missing_pillars:
            return round(sum(self.pillars[key] for key in PILLAR_KEYS), 3)
        return None

    @property
    def is_snapshot(self) -> bool:
        """Whether it holds a snapshot: a total, read or summed from all four pillars."""
        return self.total_or_sum is not None

    def entry_fields(self) -> dict[str, float]:
        """The values read, keyed as a typed entry's fields (`ssi`, `brand`… `network_avg`)."""
        fields = {TOTAL: self.total, **self.pillars}
        fields |= dict(zip(RANKS, (self.industry_rank, self.network_rank), strict=True))
        fields |= dict(zip(AVERAGES, (self.industry_avg, self.network_avg), strict=True))
        return {key: value for key, value in fields.items() if value is not None}

    def not_found(self) -> list[str]:
        """What is missing for a whole snapshot, in words: "the total", "the pillars" or the
        names of the pillars missing."""
        missing = [] if self.total is not None else ["the total"]
        if len(self.missing_pillars) == len(PILLAR_KEYS):
            missing.append("the pillars")
        else:
            missing += [PILLARS_BY_KEY[key].label for key in self.missing_pillars]
        return missing

    def read_parts(self) -> list[str]:
        """Each value read, in words: "total 58", "brand 14.82", "industry Top 18%"…"""
        parts = [] if self.total is None else [f"total {number_text(self.total)}"]
        parts += [
            f"{key} {number_text(self.pillars[key])}" for key in PILLAR_KEYS if key in self.pillars
        ]
        for where, rank, average in (
            ("industry", self.industry_rank, self.industry_avg),
            ("network", self.network_rank, self.network_avg),
        ):
            if rank is not None:
                parts.append(f"{where} Top {number_text(rank)}%")
            if average is not None:
                parts.append(f"{where} average {number_text(average)}")
        return parts

    def describe(self) -> str:
        """One line: what was read, then what could not be found (if anything)."""
        read = ", ".join(self.read_parts()) or "nothing"
        missing = self.not_found()
        line = f"Read: {read}"
        if self.total is None and not self.missing_pillars:
            line += f" (total = the pillar sum, {number_text(self.total_or_sum or 0)})"
        if missing:
            line += f"; could not find: {', '.join(missing)}"
        return line + "."


def number_text(value: float) -> str:
    """VALUE as the page shows it: `58`, `14.82`, never `58.0`."""
    return f"{value:.3f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class _Number:
    start: int
    end: int
    value: float
    percent: bool
    scale: int | None


def _accepts(kind: str, number: _Number) -> bool:
    """Whether NUMBER can be the value of KIND: ranks are percentages, scores never are."""
    if kind in RANKS:
        return number.percent and number.scale is None and 0 < number.value <= 100
    if number.percent:
        return False
    if kind in PILLAR_KEYS:
        return number.scale in (None, 25) and number.value <= PILLAR_MAX
    return number.scale in (None, 100) and number.value <= TOTAL_MAX


def _numbers(text: str) -> list[_Number]:
    found = []
    for match in _NUMBER.finditer(text):
        scale = match.group("scale")
        found.append(
            _Number(
                match.start(),
                match.end(),
                float(match.group("value").replace(",", ".")),
                percent=match.group("percent") is not None,
                scale=int(scale) if scale else None,
            )
        )
    return found


def decode_page(data: bytes) -> str:
    """A saved or piped page as text: UTF-16 with its BOM (Notepad's "Unicode"), else UTF-8
    (BOM or not); a byte that is neither stands for an unknown character, never an error."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    return data.decode("utf-8-sig", errors="replace")


def normalise(text: str) -> str:
    """TEXT with every run of spaces, tabs, line breaks (CRLF too) and non-breaking spaces as
    one space, and zero-width characters gone."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip()


def read_ssi_page(text: str) -> SsiPage:
    """The values found in TEXT, a copied SSI page (in any order, with any noise around)."""
    text = normalise(text)
    labels = [(m.start(), m.end(), m.lastgroup or "") for m in _LABEL.finditer(text)]
    marks: list[tuple[int, int, str | _Number]] = [*labels]
    taken = [(start, end) for start, end, _ in labels]
    marks += [
        (n.start, n.end, n)
        for n in _numbers(text)
        if not any(start < n.end and n.start < end for start, end in taken)
    ]
    marks.sort(key=lambda mark: mark[0])
    found: dict[str, float] = {}
    waiting: deque[str] = deque()
    previous_end = 0
    for start, end, mark in marks:
        words_between = len(_WORD.findall(text, previous_end, start))
        previous_end = end
        if isinstance(mark, str):
            if words_between > MAX_WORDS_IN_A_ROW:
                waiting.clear()
            if mark not in found and mark not in waiting:
                waiting.append(mark)
            continue
        if words_between > MAX_WORDS_BETWEEN:
            waiting.clear()
        while waiting and not _accepts(waiting[0], mark):
            waiting.popleft()
        if waiting:
            found.setdefault(waiting.popleft(), mark.value)
        elif mark.scale == 100 and _accepts(TOTAL, mark):
            found.setdefault(TOTAL, mark.value)
    return SsiPage(
        total=found.get(TOTAL),
        pillars={key: found[key] for key in PILLAR_KEYS if key in found},
        industry_rank=found.get("industry_rank"),
        network_rank=found.get("network_rank"),
        industry_avg=found.get("industry_avg"),
        network_avg=found.get("network_avg"),
    )
