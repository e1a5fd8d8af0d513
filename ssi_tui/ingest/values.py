"""Numbers as people type them: `Top 9%`, `53 out of 100`, `20,998`, `N/A`.

Each function returns a Polars expression over a text column, turning what a spreadsheet or
LinkedIn's own pages show into plain number text (`9`, `53`, `20.998`) or null, so the
ordinary numeric cast and range rules in validate.py apply afterwards. Text that matches none
of the forms is left exactly as it was, so the error message quotes what the file holds.
"""

from __future__ import annotations

import polars as pl

MISSING_MARKERS: tuple[str, ...] = ("", "-", "–", "—", "n/a", "na", "#n/a")
"""Cells meaning "no value" (compared stripped and lower-cased)."""

_SPACES = " \t\r\n\u00a0\u202f"
"""Whitespace to ignore around a value, including the non-breaking spaces Excel writes."""

_NUMBER = r"[0-9]+(?:[.,][0-9]+)?"

RANK_COLUMNS: tuple[str, ...] = ("industry_rank", "network_rank")
PILLAR_COLUMNS: tuple[str, ...] = ("brand", "people", "insights", "relationships")
SCORE_COLUMNS: tuple[str, ...] = ("ssi", "industry_avg", "network_avg")

OUT_OF: dict[str, int] = {
    **dict.fromkeys(PILLAR_COLUMNS, 25),
    **dict.fromkeys(SCORE_COLUMNS, 100),
}
"""The denominator `N out of D` may name for each column: a pillar is out of 25, a total of 100."""


def missing_to_null(text: pl.Expr) -> pl.Expr:
    """Stripped text, with blank, `-` and `N/A` (any case) as null."""
    stripped = text.str.strip_chars(_SPACES)
    return (
        pl.when(stripped.str.to_lowercase().is_in(MISSING_MARKERS)).then(None).otherwise(stripped)
    )


def strip_rank(text: pl.Expr) -> pl.Expr:
    """`Top 9%`, `top 9 %`, `9%` -> `9`: the N of LinkedIn's "Top N%" rank."""
    return text.str.replace(r"(?i)^top\s*", "").str.replace(r"\s*%$", "")


def strip_out_of(text: pl.Expr, denominator: int) -> pl.Expr:
    """`53 out of 100`, `53 de 100`, `53/100` -> `53` (only for the column's own scale)."""
    pattern = rf"(?i)^({_NUMBER})\s*(?:/|out\s+of|of|de|sur|von|su)\s*{denominator}$"
    return text.str.replace(pattern, "${1}")


def decimal_point(text: pl.Expr) -> pl.Expr:
    """`20,998` -> `20.998`: a decimal comma, for files whose fields are not comma-separated."""
    return text.str.replace(r"^(-?[0-9]*),([0-9]+)$", "${1}.${2}")


def clean_number(column: str, kind: str, *, decimal_comma: bool) -> pl.Expr:
    """COLUMN's cells as plain number text (or null), ready for the numeric cast.

    KIND is the canonical column it holds (`industry_rank`, `brand`...), which decides the
    forms accepted: `Top N%` for a rank, `N out of 25` for a pillar, `N out of 100` for a total.
    """
    text = missing_to_null(pl.col(column))
    if kind in RANK_COLUMNS:
        text = strip_rank(text)
    if kind in OUT_OF:
        text = strip_out_of(text, OUT_OF[kind])
    if decimal_comma:
        text = decimal_point(text)
    return text.alias(column)
