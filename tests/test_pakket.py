"""Het pakket werkt ook gewoon geïnstalleerd (niet 'editable'): het wiel bevat elk gegevensbestand, en de
opdracht ``jobcoach`` maakt een nieuwe casus en controleert casussen vanuit die installatie."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, kopieer_project

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def wiel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uit = tmp_path_factory.mktemp("wiel")
    # Een schone kopie van de bronnen: een bouw in de werkmap laat anders build/ en *.egg-info achter.
    bron = uit / "bron"
    shutil.copytree(ROOT / "src", bron / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    for naam in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / naam, bron / naam)
    resultaat = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                                "--disable-pip-version-check", "-q", "-w", str(uit), str(bron)],
                               capture_output=True, text=True, timeout=300)
    assert resultaat.returncode == 0, resultaat.stderr
    (gemaakt,) = uit.glob("jobcoach-*.whl")
    return gemaakt


def test_wiel_bevat_elk_gegevensbestand(wiel: Path):
    with zipfile.ZipFile(wiel) as z:
        namen = set(z.namelist())
    nodig = {p.relative_to(ROOT / "src").as_posix() for p in (ROOT / "src").rglob("*")
             if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"}
    ontbreekt = sorted(nodig - namen)
    assert not ontbreekt, f"niet in het wiel: {ontbreekt}"


def test_geinstalleerd_pakket_maakt_en_controleert_een_casus(wiel: Path, tmp_path: Path):
    # Een nieuwe omgeving zonder de 'editable' installatie van deze map: de afhankelijkheden komen uit de
    # omgeving van de tests (een .pth-regel), het pakket zelf alleen uit het wiel.
    omgeving = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(omgeving)], check=True, timeout=120)
    python = omgeving / "bin" / "python"
    eigen = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                         text=True).strip())
    (eigen / "afhankelijkheden.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    resultaat = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q",
                                "--disable-pip-version-check", str(wiel)], capture_output=True, text=True, timeout=300)
    assert resultaat.returncode == 0, resultaat.stderr
    waar = subprocess.check_output([str(python), "-c", "import jobcoach, leidraadsite; print(jobcoach.__file__); "
                                    "print(leidraadsite.__file__)"], text=True, cwd=tmp_path).split()
    assert all(w.startswith(str(eigen)) for w in waar), f"niet uit het wiel: {waar}"

    project = kopieer_project(tmp_path / "project")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    jobcoach = str(omgeving / "bin" / "jobcoach")
    nieuw = subprocess.run([jobcoach, "nieuw", "uit-het-wiel", "--titel", "Uit het wiel"], cwd=project,
                           capture_output=True, text=True, timeout=120, env=env)
    assert nieuw.returncode == 0, nieuw.stderr
    assert (project / "casussen/uit-het-wiel.yml").is_file() and (project / "docs/casussen/uit-het-wiel.md").is_file()
    assert '"Uit het wiel": casussen/uit-het-wiel.md' in (project / "mkdocs.yml").read_text(encoding="utf-8")
    controle = subprocess.run([jobcoach, "controleer"], cwd=project, capture_output=True, text=True, timeout=120, env=env)
    assert controle.returncode == 0, controle.stderr
    assert "casussen/uit-het-wiel.yml: in orde" in controle.stdout, controle.stdout
    aantal = len(list((project / "casussen").glob("*.yml")))  # de casussen van het project plus de nieuwe
    assert aantal >= 2 and f"Alle {aantal} casusbestanden zijn geldig." in controle.stdout, controle.stdout
