"""The breakdown of an estimate as Rich renderables: `model explain` prints them, the
drill-down's panel shows the same ones. Every name is a Text, never markup.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ssi_tui.estimate.explain import Explanation
from ssi_tui.estimate.measures import MEASURES_BY_KEY
from ssi_tui.estimate.model import Term
from ssi_tui.estimate.scoring import DIGITS, Estimate, PillarScore, TermPoints, shares_summing_to
from ssi_tui.pillars import PILLAR_MAX, PILLARS_BY_KEY
from ssi_tui.text import printable

EST = "est."
"""The marker of an estimated number, wherever one is shown."""


def _number(value: float) -> str:
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _value_text(item: TermPoints, activity: dict[str, float | None]) -> Text:
    term = item.term
    if item.value is None:
        return Text("unknown", style="dim")
    if term.per is not None:
        part, whole = activity.get(term.measure), activity.get(term.per)
        return Text(f"{item.value:.0%} ({_number(part or 0)} of {_number(whole or 0)})")
    kind = MEASURES_BY_KEY[term.measure].kind
    if kind == "flag":
        return Text("yes" if item.value >= 1 else "no")
    if kind == "percent":
        return Text(f"{_number(item.value)}%")
    return Text(_number(item.value))


def _cap_text(term: Term) -> Text:
    if term.per is not None:
        return Text(f"{term.cap:.0%}")
    kind = MEASURES_BY_KEY[term.measure].kind
    return Text(f"{_number(term.cap)}%" if kind == "percent" else _number(term.cap))


def _weight_text(item: TermPoints, reweight: float) -> Text:
    text = Text(_number(item.term.weight))
    if item.value is not None and abs(reweight - 1.0) > 1e-9:
        text.append(f" ×{reweight:.2f}", style="dim")
    return text


def _pillar_rows(
    table: Table, pillar: PillarScore, activity: dict[str, float | None], *, compact: bool
) -> None:
    info = PILLARS_BY_KEY[pillar.key]
    shown = round(pillar.score, DIGITS)
    points = shares_summing_to([pillar.base, *(t.points for t in pillar.terms)], shown)
    blanks = 3 if compact else 5

    def row(first: Text, *middle: Text, last: Text, **options: bool) -> None:
        table.add_row(first, *middle, *(Text("") for _ in range(blanks - 1 - len(middle))), last)
        if options.get("end_section"):
            table.add_section()

    table.add_row(Text(info.short if compact else info.label, style=f"bold {info.colour}"))
    if pillar.base:
        row(Text("  base"), last=Text(f"{points[0]:.2f}"))
    for item, earned in zip(pillar.terms, points[1:], strict=True):
        extra = () if compact else (_cap_text(item.term), Text(item.term.scale))
        row(
            Text(f"  {item.term.name}"),
            _value_text(item, activity),
            *extra,
            _weight_text(item, pillar.reweight),
            last=Text("—", style="dim") if item.value is None else Text(f"{earned:.2f}"),
        )
    row(
        Text(f"  = {info.short}", style="bold"),
        last=Text(f"{shown:.2f}" + ("" if compact else f" / {PILLAR_MAX:g}"), style="bold"),
        end_section=True,
    )


def breakdown_table(
    estimate: Estimate, activity: dict[str, float | None], *, compact: bool = False
) -> Table:
    """Per pillar, each term's value, cap, scale, weight and points, then the pillar's score.

    COMPACT (the drill-down's narrow panel) leaves out cap and scale.
    """
    table = Table(show_edge=False, pad_edge=False, expand=False)
    table.add_column("Term" if compact else "Pillar / term", no_wrap=True, min_width=22)
    table.add_column("Value", justify="right", overflow="fold")
    if not compact:
        table.add_column("Cap", justify="right")
        table.add_column("Scale")
    table.add_column("Weight", justify="right")
    table.add_column("Points", justify="right")
    for pillar in estimate.pillars:
        _pillar_rows(table, pillar, activity, compact=compact)
    total = estimate.rounded()["ssi"]
    blanks = (Text("") for _ in range(2 if compact else 4))
    table.add_row(Text(f"SSI ({EST})", style="bold"), *blanks, Text(f"{total:.2f}", style="bold"))
    return table


def notes(estimate: Estimate) -> list[Text]:
    """One line per pillar scored over part of its terms, or over none."""
    lines = []
    for pillar in estimate.pillars:
        label = PILLARS_BY_KEY[pillar.key].short
        if not pillar.has_evidence:
            lines.append(Text(f"{label}: no measure known; the pillar is its base alone."))
        elif pillar.unknown:
            lines.append(
                Text(
                    f"{label}: {', '.join(pillar.unknown)} unknown; the known weights are"
                    f" scaled ×{pillar.reweight:.2f}, so missing data neither zeroes nor"
                    " inflates the pillar."
                )
            )
    return lines


def explanation_renderable(explanation: Explanation) -> RenderableType:
    """Headline, the breakdown table, and notes on unknown measures and official numbers."""
    e = explanation
    total = e.estimate.rounded()["ssi"]
    head = Text()
    head.append(f"Estimated SSI ({EST}) of ")
    head.append(printable(e.name), style="bold")
    head.append(f" ({printable(e.rep_id)}")
    head.append(f", {printable(e.team)})" if e.team else ")")
    head.append(f" on {e.date.isoformat()}: ")
    head.append(f"{total:.2f}", style="bold")
    parts: list[RenderableType] = [head]
    parts.append(Text(f"Model: {printable(e.model.name)} ({e.model.digest})", style="dim"))
    parts.append(breakdown_table(e.estimate, e.activity))
    parts += notes(e.estimate)
    if e.official is not None:
        parts.append(Text(f"Official SSI that day: {e.official['ssi']:.2f}", style="dim"))
    if e.stored is not None and abs(e.stored["ssi"] - total) > 0.005:
        parts.append(Text(f"Note: the stored estimate is {e.stored['ssi']:.2f}.", style="yellow"))
    return Group(*parts)
