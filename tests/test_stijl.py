"""Stijl- en typecontrole in make check: ruff en mypy met de instellingen uit pyproject.toml, zonder bevindingen.

Een bevinding laat de test falen en de melding van ruff of mypy staat in de uitvoer (bestand, regel, code). Daarnaast
een proef: een klein bestand met bekende fouten moet met dezelfde instellingen wel bevindingen geven, zodat een lege
uitvoer niet komt doordat de controle niets bekijkt.
"""

from __future__ import annotations

import os
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


def _mypy_cache() -> Path:
    """Een cache van mypy die een nieuwe kloon overleeft (koud kost mypy ongeveer 10 s, warm minder dan 1 s).

    Veilig om te delen tussen klonen en venvs: mypy gebruikt een bestand uit de cache alleen als de inhoud (hash) van
    de bron gelijk is, en alleen met dezelfde instellingen en plugins; elk bestand schrijft het in zijn geheel weg
    (tijdelijk bestand, dan vervangen). Per versie van Python en mypy een eigen map. Een andere map: zet
    LEIDRAAD_MYPY_CACHE."""
    from mypy.version import __version__

    eigen = os.environ.get("LEIDRAAD_MYPY_CACHE")
    if eigen:
        return Path(eigen)
    basis = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return basis / "leidraad-jobcoach" / f"mypy-{__version__}-py{sys.version_info[0]}.{sys.version_info[1]}"


def test_mypy_vindt_niets():
    uit = _draai("mypy", "--cache-dir", str(_mypy_cache()))
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
