"""Stijl- en typecontrole in make check: ruff en mypy met de instellingen uit pyproject.toml, zonder bevindingen.

Een bevinding laat de test falen en de melding van ruff of mypy staat in de uitvoer (bestand, regel, code). Daarnaast
een proef: een klein bestand met bekende fouten moet met dezelfde instellingen wel bevindingen geven, zodat een lege
uitvoer niet komt doordat de controle niets bekijkt.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

PYPROJECT = ROOT / "pyproject.toml"


def _draai(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def test_ruff_vindt_niets():
    uit = _draai("ruff", "check", "--no-cache", "--output-format", "concise", ".")
    assert uit.returncode == 0, f"ruff vond iets:\n{uit.stdout}{uit.stderr}"


def test_mypy_vindt_niets():
    uit = _draai("mypy", "--cache-dir", str(ROOT / ".venv" / "mypy-cache"))
    assert uit.returncode == 0, f"mypy vond iets:\n{uit.stdout}{uit.stderr}"
    assert "Success" in uit.stdout, uit.stdout


def test_ruff_ziet_een_onbekende_naam_en_een_overbodige_noqa(tmp_path: Path):
    (tmp_path / "proef.py").write_text(
        "def f(x: int) -> int:\n"
        "    return x + onbekend\n"
        "\n"
        "\n"
        "y = 1  # noqa: F841\n",
        encoding="utf-8",
    )
    uit = _draai("ruff", "check", "--no-cache", "--output-format", "concise", "--config", str(PYPROJECT), "proef.py",
                 cwd=tmp_path)
    assert uit.returncode == 1, uit.stdout + uit.stderr
    assert "F821" in uit.stdout and "RUF100" in uit.stdout, uit.stdout


def test_mypy_ziet_een_typefout_en_een_overbodige_ignore(tmp_path: Path):
    (tmp_path / "proef.py").write_text(
        "def f(x: int) -> str:\n"
        "    return x\n"
        "\n"
        "\n"
        "y: int = 1  # type: ignore[assignment]\n",
        encoding="utf-8",
    )
    uit = _draai("mypy", "--config-file", str(PYPROJECT), "--no-incremental", "proef.py", cwd=tmp_path)
    assert uit.returncode == 1, uit.stdout + uit.stderr
    assert "[return-value]" in uit.stdout and "[unused-ignore]" in uit.stdout, uit.stdout
