"""The scoring model: per pillar, weighted terms over capped, normalised activity measures.

A model is a TOML file (the shipped one is ssi_tui/models/default_model.toml, which documents
the format); `ssi-tui import --model FILE` and `ssi-tui model calibrate --model FILE` read
another. Every model is checked here, so that scoring can rely on what makes scores safe:
weights and base points are >= 0 and add up to at most 25 per pillar.
"""

from __future__ import annotations

import hashlib
import json
import math
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

from ssi_tui.errors import SsiError
from ssi_tui.estimate.measures import MEASURE_KEYS
from ssi_tui.pillars import PILLAR_KEYS, PILLAR_MAX

FORMAT = 1
"""The model file format this code reads and writes (`format = 1`)."""
SCALES: tuple[str, ...] = ("linear", "log")
DEFAULT_MODEL_PATH = Path(__file__).resolve().parent.parent / "models" / "default_model.toml"
_SLACK = 1e-9

Scale = Literal["linear", "log"]


class ModelError(SsiError):
    """A model file that cannot be used: unreadable, not TOML, or breaking a rule."""


@dataclass(frozen=True)
class Term:
    """One measure (or rate of two measures) and the points it can earn a pillar."""

    name: str
    """Shown in the explain table: the measure's key, or e.g. `inmail_response_rate`."""
    measure: str
    per: str | None
    """When set, the term is the rate measure / per (unknown when per is 0 or unknown)."""
    weight: float
    """Points earned at or above the cap (before re-weighting over known terms)."""
    cap: float
    """The value at which the term is full: more earns nothing more."""
    scale: Scale = "linear"
    """linear: min(v, cap) / cap; log: ln(1 + min(v, cap)) / ln(1 + cap) (diminishing returns)."""
    why: str = ""

    def value(self, activity: Mapping[str, float | None]) -> float | None:
        """The term's raw value for one row of activity, or None when unknown."""
        value = activity.get(self.measure)
        if value is None:
            return None
        if self.per is None:
            return max(0.0, float(value))
        whole = activity.get(self.per)
        if whole is None or whole <= 0:
            return None
        return max(0.0, float(value) / float(whole))

    def normalised(self, value: float) -> float:
        """VALUE mapped onto 0-1: non-decreasing, 0 at 0, 1 from the cap on."""
        capped = min(max(value, 0.0), self.cap)
        if self.scale == "log":
            return math.log1p(capped) / math.log1p(self.cap)
        return capped / self.cap


@dataclass(frozen=True)
class PillarModel:
    """How one pillar is scored: base points plus its terms."""

    key: str
    base: float
    """Points every estimate of this pillar gets (fitted by calibrate; 0 in the default)."""
    terms: tuple[Term, ...]

    @property
    def total_weight(self) -> float:
        """What the terms can earn together."""
        return sum(t.weight for t in self.terms)


@dataclass(frozen=True)
class Model:
    """A whole scoring model, with the text it was read from (stored with every estimate)."""

    name: str
    description: str
    pillars: tuple[PillarModel, ...]
    """One per pillar, in LinkedIn's order (pillars.PILLARS)."""
    text: str
    """The TOML source: the store keeps it so `model explain` uses the model that scored."""
    origin: str = "<model>"

    @property
    def digest(self) -> str:
        """A short content hash: the model's identity in the store."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]

    def pillar(self, key: str) -> PillarModel:
        """The model of one pillar, by key."""
        return next(p for p in self.pillars if p.key == key)


def _fail(origin: str, where: str, message: str) -> ModelError:
    return ModelError(f"{origin}: {where}{': ' if where else ''}{message}")


def _number(value: Any, origin: str, where: str, *, positive: bool = False) -> float:
    ok = isinstance(value, int | float) and not isinstance(value, bool)
    if ok and math.isfinite(value) and (value > 0 if positive else value >= 0):
        return float(value)
    wanted = "a number above 0" if positive else "a number of 0 or more"
    raise _fail(origin, where, f"expected {wanted}, got {value!r}")


def _text(value: Any, origin: str, where: str) -> str:
    if not isinstance(value, str):
        raise _fail(origin, where, f"expected text, got {value!r}")
    return value


def _unknown_keys(table: Mapping[str, Any], allowed: set[str], origin: str, where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        expected = ", ".join(sorted(allowed))
        raise _fail(origin, where, f"unknown key(s) {', '.join(unknown)} (expected {expected})")


def _term(raw: Any, origin: str, where: str) -> Term:
    if not isinstance(raw, dict):
        raise _fail(origin, where, "expected a table of measure, weight, cap...")
    _unknown_keys(raw, {"name", "measure", "per", "weight", "cap", "scale", "why"}, origin, where)
    if "measure" not in raw:
        raise _fail(origin, where, "no 'measure'")
    measure = _text(raw["measure"], origin, f"{where}: measure")
    per = _text(raw["per"], origin, f"{where}: per") if "per" in raw else None
    for key, given in (("measure", measure), ("per", per)):
        if given is not None and given not in MEASURE_KEYS:
            raise _fail(
                origin,
                f"{where}: {key}",
                f"unknown measure {given!r} (expected one of {', '.join(MEASURE_KEYS)})",
            )
    scale = _text(raw.get("scale", "linear"), origin, f"{where}: scale")
    if scale not in SCALES:
        raise _fail(origin, f"{where}: scale", f"expected 'linear' or 'log', got {scale!r}")
    default_name = measure if per is None else f"{measure}_per_{per}"
    return Term(
        name=_text(raw.get("name", default_name), origin, f"{where}: name"),
        measure=measure,
        per=per,
        weight=_number(raw.get("weight"), origin, f"{where}: weight"),
        cap=_number(raw.get("cap"), origin, f"{where}: cap", positive=True),
        scale=scale,  # type: ignore[arg-type]
        why=_text(raw.get("why", ""), origin, f"{where}: why"),
    )


def _pillar(key: str, raw: Any, origin: str) -> PillarModel:
    if not isinstance(raw, dict):
        raise _fail(origin, f"[{key}]", "expected a table with base and [[terms]]")
    _unknown_keys(raw, {"base", "terms"}, origin, f"[{key}]")
    base = _number(raw.get("base", 0.0), origin, f"[{key}]: base")
    terms_raw = raw.get("terms", [])
    if not isinstance(terms_raw, list):
        raise _fail(origin, f"[{key}]: terms", "expected an array of tables ([[...terms]])")
    terms = tuple(
        _term(t, origin, f"[[{key}.terms]] number {i}") for i, t in enumerate(terms_raw, start=1)
    )
    names = [t.name for t in terms]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise _fail(origin, f"[{key}]", f"term name(s) used twice: {', '.join(repeated)}")
    pillar = PillarModel(key, base, terms)
    if pillar.base + pillar.total_weight > PILLAR_MAX + _SLACK:
        raise _fail(
            origin,
            f"[{key}]",
            f"base + weights = {pillar.base + pillar.total_weight:g}, more than the pillar's"
            f" {PILLAR_MAX:g} points",
        )
    return pillar


def parse_model(text: str, origin: str = "<model>") -> Model:
    """Read and check a model from TOML TEXT; ORIGIN names it in error messages."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _fail(origin, "", f"not valid TOML ({error})") from None
    _unknown_keys(raw, {"format", "name", "description", *PILLAR_KEYS}, origin, "")
    if raw.get("format") != FORMAT:
        raise _fail(origin, "format", f"expected format = {FORMAT}, got {raw.get('format')!r}")
    missing = [k for k in PILLAR_KEYS if k not in raw]
    if missing:
        raise _fail(origin, "", f"no table for pillar(s) {', '.join(missing)}")
    return Model(
        name=_text(raw.get("name", Path(origin).stem), origin, "name"),
        description=_text(raw.get("description", ""), origin, "description"),
        pillars=tuple(_pillar(k, raw[k], origin) for k in PILLAR_KEYS),
        text=text,
        origin=origin,
    )


def load_model(path: str | Path | None = None) -> Model:
    """The model in PATH, or the shipped default model when PATH is None."""
    path = Path(path) if path is not None else DEFAULT_MODEL_PATH
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ModelError(f"{path}: no such model file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ModelError(f"{path}: cannot read the model file ({error})") from None
    return parse_model(text, str(path))


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; DEL must be escaped too)."""
    return json.dumps(text).replace("\x7f", "\\u007f")


def _toml_float(value: float) -> str:
    return repr(float(value))


def to_toml(model: Model, header: tuple[str, ...] = ()) -> str:
    """The model as a model file, HEADER lines first as comments; parse_model reads it back."""
    lines = [f"# {h}".rstrip() for h in header]
    if header:
        lines.append("")
    lines += [
        f"format = {FORMAT}",
        f"name = {_toml_string(model.name)}",
        f"description = {_toml_string(model.description)}",
    ]
    for pillar in model.pillars:
        lines += ["", f"[{pillar.key}]", f"base = {_toml_float(pillar.base)}"]
        for term in pillar.terms:
            lines += [
                "",
                f"[[{pillar.key}.terms]]",
                f"name = {_toml_string(term.name)}",
                f"measure = {_toml_string(term.measure)}",
            ]
            if term.per is not None:
                lines.append(f"per = {_toml_string(term.per)}")
            lines += [
                f"weight = {_toml_float(term.weight)}",
                f"cap = {_toml_float(term.cap)}",
                f"scale = {_toml_string(term.scale)}",
            ]
            if term.why:
                lines.append(f"why = {_toml_string(term.why)}")
    return "\n".join(lines) + "\n"


def with_weights(
    model: Model,
    fitted: Mapping[str, tuple[float, tuple[float, ...]]],
    *,
    name: str,
    description: str,
    header: tuple[str, ...] = (),
    origin: str = "<model>",
) -> Model:
    """MODEL with new (base, weights) for the pillars in FITTED, as a checked, re-read model.

    ORIGIN names the new model (e.g. the file it will be written to) in messages.
    """
    pillars = []
    for pillar in model.pillars:
        if pillar.key in fitted:
            base, weights = fitted[pillar.key]
            terms = tuple(replace(t, weight=w) for t, w in zip(pillar.terms, weights, strict=True))
            pillar = replace(pillar, base=base, terms=terms)
        pillars.append(pillar)
    draft = replace(model, name=name, description=description, pillars=tuple(pillars))
    return parse_model(to_toml(draft, header), origin)
