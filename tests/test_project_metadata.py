"""What pyproject.toml declares matches what the code imports and what the floors run installs.

Dependency floors are only honest when the suite has run on them (README, "To test on the
lowest versions"): constraints/minimum.txt pins exactly the floors, and these tests keep the
two files, and the code's imports, from drifting apart.
"""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
CONSTRAINTS = ROOT / "constraints" / "minimum.txt"
FLOORED_EXTRA = "test-tools"
"""The extra the floors run installs: its tools carry floors like the runtime dependencies."""


def _declared() -> list[Requirement]:
    """The runtime dependencies and the floored test tools, as written in pyproject.toml."""
    lines = [*PROJECT["dependencies"], *PROJECT["optional-dependencies"][FLOORED_EXTRA]]
    return [Requirement(line) for line in lines]


def _floor(requirement: Requirement) -> Version:
    """The one `>=` bound of REQUIREMENT; every declared dependency must have exactly one."""
    floors = [Version(s.version) for s in requirement.specifier if s.operator == ">="]
    assert len(floors) == 1, f"pyproject.toml: {requirement} needs one '>=' floor"
    return floors[0]


def _pinned() -> dict[str, Version]:
    """constraints/minimum.txt as {distribution: pinned version}."""
    pins: dict[str, Version] = {}
    for number, raw in enumerate(CONSTRAINTS.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        name, separator, version = line.partition("==")
        assert separator, f"{CONSTRAINTS.name}:{number}: expected NAME==VERSION, got {raw!r}"
        pins[canonicalize_name(name.strip())] = Version(version.strip())
    return pins


def test_every_declared_floor_is_pinned_in_the_minimum_constraints() -> None:
    floors = {canonicalize_name(r.name): _floor(r) for r in _declared()}
    assert _pinned() == floors, (
        "pyproject.toml's floors and constraints/minimum.txt differ: change both together "
        "and run the suite on the floors again"
    )


def _third_party_imports() -> dict[str, str]:
    """Each top-level module ssi_tui/ imports from outside itself and the standard library,
    with one file that imports it."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "ssi_tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".", 1)[0]
                if top != "ssi_tui" and top not in sys.stdlib_module_names:
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


OPTIONAL_EXTRAS = ("postgres",)
"""Extras whose modules the code imports only where they are needed (psycopg: a history on a
PostgreSQL server), saying how to install them when they are missing."""


def test_every_third_party_module_the_code_imports_is_a_declared_dependency() -> None:
    lines = [*PROJECT["dependencies"]]
    lines += [line for extra in OPTIONAL_EXTRAS for line in PROJECT["optional-dependencies"][extra]]
    declared = {canonicalize_name(Requirement(line).name) for line in lines}
    providers = packages_distributions()
    undeclared = []
    for module, where in _third_party_imports().items():
        distributions = {canonicalize_name(d) for d in providers.get(module, [module])}
        if not distributions & declared:
            undeclared.append(f"{module} (imported in {where}, from {sorted(distributions)})")
    assert not undeclared, f"imported but not in [project].dependencies: {undeclared}"


def test_the_version_is_written_only_in_the_package() -> None:
    assert "version" not in PROJECT
    assert "version" in PROJECT.get("dynamic", [])
    assert PYPROJECT["tool"]["hatch"]["version"]["path"] == "ssi_tui/__init__.py"


def test_the_declared_licence_has_its_text_beside_it() -> None:
    assert PROJECT["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert "Copyright (c) 2026 the ssi-tui authors" in text


def _readme_test_commands() -> list[str]:
    """The README's one-line shell commands that run pytest (the suite, and on the floors)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```sh\n")[1:]
    lines = [line for block in blocks for line in block.split("```", 1)[0].splitlines()]
    return [line.strip() for line in lines if "pytest" in line]


def test_ci_runs_each_of_the_readmes_test_commands_verbatim() -> None:
    commands = _readme_test_commands()
    assert len(commands) == 2, commands  # the whole suite, and the suite on the floors
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    run = [line.strip() for line in script]
    for command in commands:
        assert command in run, f".ci/run does not run the README's `{command}`"
