"""Source carries its own words: the CLI's choices, the `o` cycle and the board's labels."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ssi_tui.cli.main import cli
from ssi_tui.model.source import Source


def test_the_values_are_the_ones_scripts_and_json_use() -> None:
    assert [s.value for s in Source] == ["best", "official", "estimated"]
    assert f"{Source.OFFICIAL}" == "official"
    assert Source.BEST == "best"


def test_o_cycles_best_official_estimated_and_back() -> None:
    assert [Source.BEST.next, Source.OFFICIAL.next, Source.ESTIMATED.next] == [
        Source.OFFICIAL,
        Source.ESTIMATED,
        Source.BEST,
    ]


def test_each_source_has_its_labels() -> None:
    assert Source.BEST.label == "official, else estimated from activity"
    assert Source.ESTIMATED.label == "estimated values only"
    assert Source.BEST.note == "official (else estimated) values"
    assert Source.of("official") is Source.OFFICIAL
    assert Source.of("elsewhere") is None


def test_the_cli_offers_exactly_the_sources(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["leaderboard", str(tmp_path / "x.duckdb"), "--source", "x"])
    assert result.exit_code == 2
    assert "'best', 'official', 'estimated'" in result.output
