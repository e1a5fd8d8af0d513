"""JSON and JSON Lines exports: flat records, or records shaped like LinkedIn's SSI API.

A flat record uses the same keys (and aliases) as a CSV header. An API-shaped record carries
`memberScore` (`overall` and `subScores[{pillar, score}]`) and `groupScore`
(`[{groupType: INDUSTRY|NETWORK, rank, score: {overall}}]`) next to `name`, `rep_id`, `team`
and `date`; it is flattened here into the canonical columns. Every cell leaves as text, like a
CSV cell, so validation is the same for every format. JSON is parsed record by record in
Python: exports of this kind hold one row per rep, not millions.
"""

from __future__ import annotations

import json
from typing import Any

import polars as pl

from ssi_tui.errors import InvalidExportError, Problem
from ssi_tui.ingest.headers import canonical_name, normalise_header
from ssi_tui.pillars import PILLAR_KEYS

LINE = "__line__"
RECORD = "record"

_LIST_KEYS = ("elements", "records", "data", "items", "snapshots", "results")
"""Keys under which a JSON object may hold the list of records (LinkedIn uses `elements`)."""

_GROUPS = {"INDUSTRY": "industry", "NETWORK": "network"}
_PILLAR_NAMES = "PROFESSIONAL_BRAND, FIND_RIGHT_PEOPLE, INSIGHT_ENGAGEMENT or STRONG_RELATIONSHIP"
_TOO_DEEP = "JSON nested too deeply (lists or objects inside each other); expected flat records"
"""Python's json gives up (RecursionError) on deep nesting: a hostile file, never an export."""


def read_json(text: str, file: str) -> pl.DataFrame:
    """A `.json` export as text cells, LINE being the 1-based record index."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidExportError([_malformed(file, error, error.lineno)]) from None
    except RecursionError:
        raise InvalidExportError([Problem(file, _TOO_DEEP)]) from None
    records = _records(document, file)
    return _shallow_frame(records, file, [i + 1 for i in range(len(records))], RECORD)


def read_json_lines(text: str, file: str) -> pl.DataFrame:
    """A `.jsonl` / `.ndjson` export as text cells, LINE being the line of each record."""
    records: list[Any] = []
    lines: list[int] = []
    problems: list[Problem] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as error:
            problems.append(_malformed(file, error, number))
            continue
        except RecursionError:
            problems.append(Problem(file, _TOO_DEEP, line=number))
            continue
        lines.append(number)
    if problems:
        raise InvalidExportError(problems)
    return _shallow_frame(records, file, lines, "line")


def _shallow_frame(records: list[Any], file: str, lines: list[int], unit: str) -> pl.DataFrame:
    """_frame, refusing a record whose values nest too deeply to be written back as text."""
    try:
        return _frame(records, file, lines, unit)
    except RecursionError:
        raise InvalidExportError([Problem(file, _TOO_DEEP)]) from None


def _malformed(file: str, error: json.JSONDecodeError, line: int) -> Problem:
    return Problem(file, f"malformed JSON at column {error.colno}: {error.msg}", line=line)


def _records(document: Any, file: str) -> list[Any]:
    """The list of records in a JSON document: a list, a wrapper object, or one record."""
    if isinstance(document, list):
        return document
    if isinstance(document, dict):
        for key in _LIST_KEYS:
            if isinstance(document.get(key), list):
                return document[key]
        return [document]
    raise InvalidExportError(
        [Problem(file, "expected a JSON list of records (objects), got a single value")]
    )


def _frame(records: list[Any], file: str, lines: list[int], unit: str) -> pl.DataFrame:
    """One text column per key (first-seen order), plus LINE."""
    rows: list[dict[str, str | None]] = []
    problems: list[Problem] = []
    for record, line in zip(records, lines, strict=True):
        if not isinstance(record, dict):
            problems.append(
                Problem(file, "expected an object of keys and values", line=line, unit=unit)
            )
            continue
        cells, found = _flatten(record, file, line, unit)
        rows.append(cells)
        problems += found
    if problems:
        raise InvalidExportError(problems)
    if not rows:
        raise InvalidExportError([Problem(file, "the file holds no records")])
    columns = list(dict.fromkeys(key for row in rows for key in row))
    data = {c: [row.get(c) for row in rows] for c in columns}
    return pl.DataFrame(
        {**data, LINE: lines}, schema={**dict.fromkeys(columns, pl.String), LINE: pl.Int64}
    )


def _text(value: Any) -> str | None:
    """A JSON value as the text a CSV cell would hold."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _flatten(
    record: dict[str, Any], file: str, line: int, unit: str
) -> tuple[dict[str, str | None], list[Problem]]:
    """A record's cells: flat keys as they are, API-shaped scores as canonical columns."""
    cells: dict[str, str | None] = {}
    problems: list[Problem] = []

    def problem(column: str, message: str) -> None:
        problems.append(Problem(file, message, line=line, column=column, unit=unit))

    for key, value in record.items():
        kind = normalise_header(key)
        if kind == "memberscore" and isinstance(value, dict):
            _member_score(key, value, cells, problem)
        elif kind == "groupscore" and isinstance(value, list):
            _group_scores(key, value, cells, problem)
        elif isinstance(value, dict):
            for inner, inner_value in value.items():
                cells[f"{key}.{inner}"] = _text(inner_value)
        else:
            cells[key] = _text(value)
    return cells, problems


def _member_score(key: str, score: dict[str, Any], cells: dict, problem: Any) -> None:
    """`memberScore: {overall, subScores: [{pillar, score}]}` -> ssi and the four pillars."""
    if "overall" in score:
        cells["ssi"] = _text(score["overall"])
    subs = score.get("subScores") or []
    if not isinstance(subs, list):
        problem(f"{key}.subScores", "expected a list of {pillar, score} objects")
        return
    for i, sub in enumerate(subs):
        where = f"{key}.subScores[{i}]"
        if not isinstance(sub, dict):
            problem(where, "expected an object with 'pillar' and 'score'")
            continue
        name = str(sub.get("pillar", ""))
        pillar = canonical_name(name)
        if pillar not in PILLAR_KEYS:
            problem(f"{where}.pillar", f"unknown pillar '{name}' (expected {_PILLAR_NAMES})")
            continue
        cells[pillar] = _text(sub.get("score"))


def _group_scores(key: str, groups: list[Any], cells: dict, problem: Any) -> None:
    """`groupScore: [{groupType, rank, score: {overall}}]` -> industry/network rank and average."""
    for i, group in enumerate(groups):
        where = f"{key}[{i}]"
        if not isinstance(group, dict):
            problem(where, "expected an object with 'groupType', 'rank' and 'score'")
            continue
        group_type = str(group.get("groupType", ""))
        prefix = _GROUPS.get(group_type.upper())
        if prefix is None:
            problem(
                f"{where}.groupType", f"unknown group '{group_type}' (expected INDUSTRY or NETWORK)"
            )
            continue
        if "rank" in group:
            cells[f"{prefix}_rank"] = _text(group["rank"])
        score = group.get("score")
        if isinstance(score, dict):
            cells[f"{prefix}_avg"] = _text(score.get("overall"))
        elif score is not None:
            cells[f"{prefix}_avg"] = _text(score)
