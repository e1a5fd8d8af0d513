"""The user's settings: one TOML file in the user config folder, loaded once, flags win.

Holds what a manager sets once and forgets: band thresholds, the default target, stand-up
rotation, theme, anonymisation, and the reps who opted out of being shown at all.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ssi_tui.errors import SsiError

ENV_VAR = "SSI_TUI_CONFIG"
"""Points at another config file (tests, shared team setups)."""

DEFAULT_TEXT = """\
# ssi-tui configuration. Every setting is optional; command-line flags override these.

[bands]
good = 70        # totals at or above this are good (●)
fair = 50        # totals at or above this are fair (◐); below are low (○)

[targets]
default = 70     # the target total when neither the rep nor the team has one
                 # (set those with `ssi-tui target DB --team NAME 65` / `--rep NAME 75`);
                 # a database's own default (`ssi-tui target DB --default 65`) wins

[standup]
rotate = 15          # seconds per stand-up page
show_fallers = false # also show the week's biggest fallers

[display]
theme = "textual-dark"   # any Textual theme name
anonymise = false        # show "Rep 07" instead of names everywhere

[privacy]
exclude = []     # rep ids or names of reps who opted out: left out of every view and export
"""


class ConfigError(SsiError):
    """The config file cannot be used as it is (names the file and line)."""


@dataclass(frozen=True)
class Config:
    """Settings after the file is read (defaults for anything not set)."""

    good: float = 70.0
    fair: float = 50.0
    target: float = 70.0
    rotate: float = 15.0
    show_fallers: bool = False
    theme: str | None = None
    anonymise: bool = False
    exclude: tuple[str, ...] = field(default_factory=tuple)
    path: Path | None = None
    """The file these settings came from (None: defaults only)."""


def config_path() -> Path:
    """Where the config file lives (SSI_TUI_CONFIG overrides the per-user location)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    from platformdirs import user_config_path

    return user_config_path("ssi-tui", appauthor=False) / "config.toml"


def write_default(path: Path | None = None, *, force: bool = False) -> Path:
    """Write the commented default file; never overwrite an existing one unless FORCE."""
    path = path or config_path()
    if path.exists() and not force:
        raise ConfigError(f"{path}: already exists (use --force to overwrite it).")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(DEFAULT_TEXT, encoding="utf-8")
    return path


def _line_of(text: str, key: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return number
    return None


_SCHEMA: dict[tuple[str, str], tuple[str, type | tuple[type, ...]]] = {
    ("bands", "good"): ("good", (int, float)),
    ("bands", "fair"): ("fair", (int, float)),
    ("targets", "default"): ("target", (int, float)),
    ("standup", "rotate"): ("rotate", (int, float)),
    ("standup", "show_fallers"): ("show_fallers", bool),
    ("display", "theme"): ("theme", str),
    ("display", "anonymise"): ("anonymise", bool),
    ("display", "anonymize"): ("anonymise", bool),
    ("privacy", "exclude"): ("exclude", list),
}


def _toml_value(value: object) -> str:
    """VALUE as TOML writes it: true/false, plain numbers, quoted and escaped strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return f"{value:g}"
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # JSON's escapes are TOML's too


def as_toml(config: Config) -> str:
    """The settings in force, laid out as the config file is: paste it in and nothing changes.

    A setting with no value (the theme, by default) is shown commented out.
    """
    lines: list[str] = []
    section = None
    for (table, key), (name, _kind) in _SCHEMA.items():
        if key == "anonymize":  # the other spelling of anonymise
            continue
        if table != section:
            lines += [*([""] if lines else []), f"[{table}]"]
            section = table
        value = getattr(config, name)
        if value is None:
            lines.append(f"# {key} = (not set)")
        else:
            lines.append(f"{key} = {_toml_value(value)}")
    return "\n".join(lines) + "\n"


def load_config(path: Path | None = None) -> Config:
    """Read the config file; a missing file means defaults, a broken one a ConfigError."""
    path = path or config_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read ({error}).") from None
    import tomllib  # only with a file to parse: most starts have none, and it costs start-up

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    values: dict[str, Any] = {}
    for section, table in data.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{path}:{_line_of(text, section) or 1}: unknown setting '{section}'")
        for key, value in table.items():
            spec = _SCHEMA.get((section, key))
            where = f"{path}:{_line_of(text, key) or 1}"
            if spec is None:
                raise ConfigError(f"{where}: unknown setting '{section}.{key}'")
            name, kind = spec
            is_bool = isinstance(value, bool)
            if not isinstance(value, kind) or (is_bool and kind is not bool):
                raise ConfigError(f"{where}: '{section}.{key}' has the wrong type ({value!r})")
            if name == "exclude":
                if not all(isinstance(v, str) for v in value):
                    raise ConfigError(f"{where}: 'privacy.exclude' must be a list of strings")
                value = tuple(value)
            values[name] = value
    config = Config(**values, path=path)
    _check_ranges(config, text)
    return config


def _check_ranges(config: Config, text: str) -> None:
    path = config.path
    for key, value, low, high in (
        ("good", config.good, 0, 100),
        ("fair", config.fair, 0, 100),
        ("default", config.target, 0.1, 100),
        ("rotate", config.rotate, 1, 3600),
    ):
        if not low <= value <= high:
            raise ConfigError(
                f"{path}:{_line_of(text, key) or 1}: '{key}' must be from {low:g} to {high:g},"
                f" got {value!r}"
            )
    if config.fair > config.good:
        raise ConfigError(f"{path}:{_line_of(text, 'fair') or 1}: 'fair' must not exceed 'good'")
