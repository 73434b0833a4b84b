"""Gedeelde hulpmiddelen voor de tests: de gebouwde site en een kopie van het project om in te knoeien."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from leidraadsite.config import lees_editie

ROOT = Path(__file__).resolve().parent.parent
SEED_CASUS = ROOT / "casussen" / "begeleidingsbehoefte-en-regime.yml"

# De tests hangen niet af van de datum van vandaag. Elke bouw in de tests (ook in een eigen proces) krijgt
# als bouwdatum de datum van deze editie (extra.editiedatum in mkdocs.yml), via SOURCE_DATE_EPOCH, de gewone
# manier om een bouw herhaalbaar te maken. Een test die een andere datum nodig heeft, zet die zelf.
BOUWDATUM = dt.date.fromisoformat(str(lees_editie(ROOT / "mkdocs.yml").datum))
os.environ["SOURCE_DATE_EPOCH"] = str(int(dt.datetime(BOUWDATUM.year, BOUWDATUM.month, BOUWDATUM.day,
                                                      tzinfo=dt.timezone.utc).timestamp()))


def mkdocs_build(projectmap: Path, doel: Path) -> subprocess.CompletedProcess[str]:
    """Bouw de site van ``projectmap`` streng (--strict) naar ``doel``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(projectmap / "mkdocs.yml"), "-d", str(doel)],
        cwd=projectmap,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def maak_pdf(site: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess[str]:
    """De PDF van de hele leidraad uit een gebouwde site (tools/pdf.py)."""
    return subprocess.run(
        [sys.executable, "-m", "tools.pdf", "--site", str(site), "--config", str(config)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def kopieer_project(doel: Path) -> Path:
    """Een kopie van alles wat de site nodig heeft, om in een test te veranderen."""
    for naam in ("docs", "casussen", "macros", "tests", "src", "overrides"):
        shutil.copytree(ROOT / naam, doel / naam, ignore=shutil.ignore_patterns("__pycache__"))
    for naam in ("mkdocs.yml", "pyproject.toml", "CHANGELOG.md"):
        shutil.copy2(ROOT / naam, doel / naam)
    return doel


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """De site, één keer per testrun streng gebouwd."""
    doel = tmp_path_factory.mktemp("site")
    resultaat = mkdocs_build(ROOT, doel)
    assert resultaat.returncode == 0, f"mkdocs build --strict faalde:\n{resultaat.stdout}\n{resultaat.stderr}"
    # Zoals 'make build': na de bouw de PDF van de hele leidraad, waar elke pagina naar linkt.
    pdf = maak_pdf(doel)
    assert pdf.returncode == 0, f"tools/pdf.py faalde:\n{pdf.stdout}\n{pdf.stderr}"
    return doel


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return kopieer_project(tmp_path / "project")
