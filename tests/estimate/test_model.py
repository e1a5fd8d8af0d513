"""The model file: the shipped default, the format's rules, and round trips."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ssi_tui.estimate.measures import MEASURE_KEYS
from ssi_tui.estimate.model import (
    DEFAULT_MODEL_PATH,
    ModelError,
    load_model,
    parse_model,
    to_toml,
    with_weights,
)
from ssi_tui.pillars import PILLAR_KEYS

ROOT = Path(__file__).resolve().parents[2]


def test_the_default_model_ships_inside_the_package_and_uses_every_measure() -> None:
    assert DEFAULT_MODEL_PATH == ROOT / "ssi_tui" / "models" / "default_model.toml"
    model = load_model()
    assert model.name == "default"
    assert [p.key for p in model.pillars] == list(PILLAR_KEYS)
    for pillar in model.pillars:
        assert pillar.base + pillar.total_weight == pytest.approx(25.0)
    used = {t.measure for p in model.pillars for t in p.terms}
    used |= {t.per for p in model.pillars for t in p.terms if t.per}
    assert used == set(MEASURE_KEYS)
    rates = {t.name: (t.measure, t.per) for p in model.pillars for t in p.terms if t.per}
    assert rates == {
        "inmail_response_rate": ("inmails_answered", "inmails_sent"),
        "acceptance_rate": ("connection_requests_accepted", "connection_requests_sent"),
    }


def test_a_model_survives_writing_and_reading_back() -> None:
    model = load_model()
    again = parse_model(to_toml(model, ("a header", "on two lines")))
    assert again.pillars == model.pillars
    assert again.name == model.name
    assert again.text.startswith("# a header\n# on two lines\n")


def test_new_weights_make_a_checked_model() -> None:
    model = load_model()
    brand = model.pillar("brand")
    fitted = with_weights(
        model,
        {"brand": (1.5, tuple(2.0 for _ in brand.terms))},
        name='fitted "quoted" \x7f',
        description="x",
        origin="fitted.toml",
    )
    assert fitted.pillar("brand").base == 1.5
    assert [t.weight for t in fitted.pillar("brand").terms] == [2.0] * len(brand.terms)
    assert fitted.pillar("people") == model.pillar("people")
    assert fitted.name == 'fitted "quoted" \x7f'
    assert fitted.digest != model.digest


def _with(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


DEFAULT_TEXT = DEFAULT_MODEL_PATH.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not = [toml", "not valid TOML"),
        (_with(DEFAULT_TEXT, "\nformat = 1\n", "\nformat = 2\n"), "format: expected format = 1"),
        (
            _with(DEFAULT_TEXT, "weight = 4.0", "weight = -4.0"),
            "[[brand.terms]] number 1: weight: expected a number of 0 or more, got -4.0",
        ),
        (
            _with(DEFAULT_TEXT, "weight = 4.0", "weight = 6.0"),
            "[brand]: base + weights = 27, more than the pillar's 25 points",
        ),
        (
            _with(DEFAULT_TEXT, 'measure = "searches"', 'measure = "serches"'),
            "[[people.terms]] number 1: measure: unknown measure 'serches'",
        ),
        (_with(DEFAULT_TEXT, "cap = 1.0", "cap = 0.0"), "cap: expected a number above 0"),
        (_with(DEFAULT_TEXT, 'scale = "log"', 'scale = "sqrt"'), "expected 'linear' or 'log'"),
        (_with(DEFAULT_TEXT, "base = 0.0", "bias = 0.0"), "unknown key(s) bias"),
        (_with(DEFAULT_TEXT, "\n[relationships]\n", "\n[relations]\n"), "unknown key(s) relations"),
        (_with(DEFAULT_TEXT, "weight = 4.0", "weight = nan"), "got nan"),
        (_with(DEFAULT_TEXT, "weight = 4.0", 'weight = "4"'), "got '4'"),
    ],
    ids=lambda value: value if len(value) < 60 else "model",
)
def test_a_broken_model_is_refused_with_where_and_why(text: str, message: str) -> None:
    with pytest.raises(ModelError) as caught:
        parse_model(text, "mine.toml")
    assert str(caught.value).startswith("mine.toml: ")
    assert message in str(caught.value)


def test_a_missing_model_file_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="no such model file"):
        load_model(tmp_path / "nope.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(ModelError, match="cannot read the model file"):
        load_model(binary)


def test_the_estimate_package_loads_neither_textual_nor_polars(tmp_path: Path) -> None:
    code = """
        import sys
        import ssi_tui.estimate.calibrate, ssi_tui.estimate.explain, ssi_tui.ui.estimate_render
        import ssi_tui.cli.model_commands, ssi_tui.estimate.nnls, ssi_tui.estimate.scoring
        loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "polars"))
        assert not loaded, loaded
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
