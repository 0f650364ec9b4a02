"""The layer contract (pyproject.toml, [tool.importlinter]) holds: no stage imports another.

import-linter is in the dev extra, which the test command installs: without it these tests
fail (an unchecked contract is not a kept one).
"""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "discrep"
#: Modules outside the layers on purpose: the package's own entry and its version string.
UNLAYERED = {"discrep", "discrep.__main__", "discrep._version"}


def _contracts() -> list[dict[str, object]]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        contracts: list[dict[str, object]] = tomllib.load(f)["tool"]["importlinter"]["contracts"]
    return contracts


def test_import_linter_is_installed() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import importlinter"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, (
        "import-linter is missing: install the dev extra, pip install -e '.[dev]'\n" + done.stderr
    )


def test_import_layers_contract_is_kept() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()"],
        cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


def test_every_module_is_in_a_layer() -> None:
    """A new top-level module or package must be given its layer in pyproject.toml."""
    layers = next(c for c in _contracts() if c["type"] == "layers")
    assert isinstance(layers["layers"], list)
    named = {
        name.strip()
        for row in layers["layers"]
        for name in str(row).replace(":", "|").split("|")
    }
    modules = {
        "discrep." + (p.stem if p.is_file() else p.name)
        for p in PACKAGE.iterdir()
        if (p.suffix == ".py" or (p / "__init__.py").is_file()) and p.name != "__init__.py"
    }
    missing = sorted(modules - named - UNLAYERED)
    assert not missing, f"name these in [tool.importlinter] layers: {missing}"


def test_no_import_is_excused() -> None:
    """The contract holds without exceptions: no ignore_imports entry hides a crossing."""
    assert all(not c.get("ignore_imports") for c in _contracts())
