"""Long exports (one metric per row) are pivoted to wide through the one alias table."""

from __future__ import annotations

from pathlib import Path

from wild_helpers import WILD, imported, refused

from ssi_tui.ingest.long_format import long_columns


def test_long_export_with_api_and_linkedin_metric_names(tmp_path: Path) -> None:
    assert imported(tmp_path, WILD / "long.csv") == [
        # 12.5 + 11 + 10.25 + 14 = 47.75 (= Social Selling Index); Industry SSI rank Top 9%
        ("Ana Lima", "2026-05-19", 47.75, 12.5, 11.0, 10.25, 14.0, 9.0, None, None, None),
        # snake_case and LinkedIn's wording; no total: 20 + 15 + 12 + 13 = 60
        ("Bo Chen", "2026-05-19", 60.0, 20.0, 15.0, 12.0, 13.0, None, None, None, None),
        ("Ana Lima", "2026-05-26", 48.25, 13.0, 11.0, 10.25, 14.0, None, None, None, None),
    ]


def test_unknown_metric_names_file_line_and_column(tmp_path: Path) -> None:
    file = WILD / "long_unknown_metric.csv"
    problems = refused(tmp_path, file)
    assert [(p.line, p.column) for p in problems] == [(4, "field")]
    text = str(problems[0])
    assert text.startswith(f"{file}:4: column 'field': unknown metric 'CHARISMA'")


def test_a_bad_value_is_reported_on_its_own_line(tmp_path: Path) -> None:
    export = tmp_path / "long.tsv"
    export.write_text(
        "Date\tName\tTeam\tMetric\tValue\n"  # line 1
        "2026-05-19\tAna Lima\tEMEA\tPROFESSIONAL_BRAND\t12,5\n"  # 2 (tab: decimal comma)
        "2026-05-19\tAna Lima\tEMEA\tFIND_RIGHT_PEOPLE\t11\n"  # 3
        "2026-05-19\tAna Lima\tEMEA\tINSIGHT_ENGAGEMENT\ttwelve\n"  # 4: not a number
        "2026-05-19\tAna Lima\tEMEA\tSTRONG_RELATIONSHIP\t14\n",  # 5
        encoding="utf-8",
    )
    problems = refused(tmp_path, export)
    assert [(p.line, p.column) for p in problems] == [(4, "insights")]
    assert "'twelve'" in problems[0].message


def test_a_missing_metric_is_reported_on_the_first_line_of_its_rep_and_date(
    tmp_path: Path,
) -> None:
    export = tmp_path / "long.csv"
    export.write_text(
        "date,name,metric,value\n"
        "2026-05-19,Ana Lima,brand,12\n"
        "2026-05-19,Ana Lima,people,11\n"
        "2026-05-19,Ana Lima,insights,10\n",
        encoding="utf-8",
    )
    problems = refused(tmp_path, export)
    assert [(p.line, p.column) for p in problems] == [(2, "relationships")]
    assert "missing value" in problems[0].message


def test_one_metric_twice_with_different_values_is_refused(tmp_path: Path) -> None:
    export = tmp_path / "long.csv"
    export.write_text(
        "date,name,metric,value\n"
        "2026-05-19,Ana Lima,brand,12\n"
        "2026-05-19,Ana Lima,PROFESSIONAL_BRAND,13\n"
        "2026-05-19,Ana Lima,people,11\n"
        "2026-05-19,Ana Lima,insights,10\n"
        "2026-05-19,Ana Lima,relationships,10\n",
        encoding="utf-8",
    )
    problems = refused(tmp_path, export)
    assert [(p.line, p.column) for p in problems] == [(2, "value"), (3, "value")]
    assert "lines 2, 3" in problems[0].message


def test_one_metric_twice_with_the_same_value_is_one_value(tmp_path: Path) -> None:
    export = tmp_path / "long.csv"
    export.write_text(
        "date,name,metric,value\n"
        "2026-05-19,Ana Lima,brand,12\n"
        "2026-05-19,Ana Lima,brand,12\n"
        "2026-05-19,Ana Lima,people,11\n"
        "2026-05-19,Ana Lima,insights,10\n"
        "2026-05-19,Ana Lima,relationships,10\n",
        encoding="utf-8",
    )
    assert [row[2:7] for row in imported(tmp_path, export)] == [(43.0, 12.0, 11.0, 10.0, 10.0)]


def test_long_detection() -> None:
    assert long_columns(["date", "rep", "metric", "value", "__line__"]) == ("metric", "value")
    assert long_columns(["Date", "Name", "Field", "Score"]) == ("Field", "Score")
    # A wide export that happens to have a `score` column is not long.
    assert long_columns(["date", "name", "brand", "people", "insights", "score"]) is None
    assert long_columns(["date", "name", "metric"]) is None
