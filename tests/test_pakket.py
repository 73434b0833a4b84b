"""Het pakket werkt ook gewoon geïnstalleerd (niet 'editable'): het wiel bevat elk gegevensbestand, en de
opdracht ``jobcoach`` maakt een nieuwe casus en controleert casussen vanuit die installatie."""

from __future__ import annotations

import ast
import email
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

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


def _kopieer_afhankelijkheden(eisen: list[str], doel: Path) -> set[str]:
    """Kopieer de geïnstalleerde bestanden van elke eis (zonder extra's, markers voor dit platform) en hun eisen."""
    gedaan: set[str] = set()
    todo = [Requirement(e) for e in eisen]
    while todo:
        eis = todo.pop()
        naam = canonicalize_name(eis.name)
        if naam in gedaan or (eis.marker and not eis.marker.evaluate({"extra": ""})):
            continue
        gedaan.add(naam)
        dist = metadata.distribution(naam)
        for bestand in dist.files or []:
            bron = Path(dist.locate_file(bestand))
            if ".." in bestand.parts or "__pycache__" in bestand.parts or not bron.is_file():
                continue
            (doel / bestand).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(bron, doel / bestand)
        todo.extend(Requirement(e) for e in dist.requires or [])
    return gedaan


def test_geinstalleerd_pakket_maakt_en_controleert_een_casus(wiel: Path, tmp_path: Path):
    # Een nieuwe omgeving met alleen het wiel en wat het zelf als afhankelijkheid noemt (zonder extra 'site'), en
    # wat die weer noemen: die pakketten worden uit de omgeving van de tests gekopieerd (zonder netwerk, dezelfde
    # versies als requirements.lock); verder niets uit die omgeving.
    omgeving = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(omgeving)], check=True, timeout=120)
    python = omgeving / "bin" / "python"
    eigen = Path(subprocess.check_output([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                         text=True).strip())
    with zipfile.ZipFile(wiel) as z:
        (meta,) = [n for n in z.namelist() if n.endswith(".dist-info/METADATA")]
        eisen = email.message_from_bytes(z.read(meta)).get_all("Requires-Dist") or []
    gekopieerd = _kopieer_afhankelijkheden(eisen, eigen)
    assert "pydantic" in gekopieerd and "mkdocs" not in gekopieerd, sorted(gekopieerd)
    resultaat = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                                "-q", "--disable-pip-version-check", str(wiel)], capture_output=True, text=True, timeout=300)
    assert resultaat.returncode == 0, resultaat.stderr
    waar = subprocess.check_output([str(python), "-c", "import jobcoach, leidraadsite; print(jobcoach.__file__); "
                                    "print(leidraadsite.__file__)"], text=True, cwd=tmp_path).split()
    assert all(w.startswith(str(eigen)) for w in waar), f"niet uit het wiel: {waar}"
    mkdocs = subprocess.run([str(python), "-c", "import mkdocs"], capture_output=True, text=True, cwd=tmp_path)
    assert mkdocs.returncode != 0, "mkdocs hoort alleen bij de extra 'site', niet bij het pakket zelf"

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
    aantal = len(list((project / "casussen").glob("*.yml")))
    assert aantal >= 2 and f"Alle {aantal} casusbestanden zijn geldig." in controle.stdout, controle.stdout


def _eisen() -> tuple[set[str], set[str]]:
    """De namen (genormaliseerd) van de afhankelijkheden in pyproject.toml: zonder extra, en met de extra 'site'."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    naam = lambda eis: canonicalize_name(Requirement(eis).name)  # noqa: E731
    return ({naam(e) for e in project["dependencies"]},
            {naam(e) for e in project.get("optional-dependencies", {}).get("site", [])})


def _imports(map_: Path) -> dict[str, set[str]]:
    """Module van buiten de standaardbibliotheek -> de bestanden die haar importeren."""
    uit: dict[str, set[str]] = {}
    for bestand in map_.rglob("*.py"):
        for knoop in ast.walk(ast.parse(bestand.read_text(encoding="utf-8"))):
            if isinstance(knoop, ast.Import):
                namen = [a.name for a in knoop.names]
            elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
                namen = [knoop.module]
            else:
                continue
            for naam in namen:
                top = naam.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ("jobcoach", "leidraadsite"):
                    uit.setdefault(top, set()).add(bestand.relative_to(ROOT).as_posix())
    return uit


def test_het_pakket_noemt_elke_afhankelijkheid_die_het_importeert():
    basis, site = _eisen()
    verdeling = metadata.packages_distributions()
    ontbreekt = []
    for pakket, extra in (("jobcoach", set()), ("leidraadsite", site)):
        for module, bestanden in sorted(_imports(ROOT / "src" / pakket).items()):
            namen = {canonicalize_name(d) for d in verdeling.get(module, [module])}
            if not namen & (basis | extra):
                ontbreekt.append(f"{module} ({', '.join(sorted(namen))}; in {sorted(bestanden)[0]})")
    assert not ontbreekt, f"niet in pyproject.toml (dependencies of de extra 'site'): {ontbreekt}"


def test_de_site_extra_noemt_wat_mkdocs_yml_gebruikt():
    _, site = _eisen()
    for nodig in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "mkdocs-print-site-plugin", "pymdown-extensions"):
        assert nodig in site, f"{nodig} ontbreekt in de extra 'site'"


def _recept(makefile: str, doel: str) -> list[str]:
    """De regels van het recept van ``doel`` in de Makefile, met de variabelen bouw_* die het aanroept."""
    recept = re.search(rf"^{doel}:.*\n((?:\t.*\n)+)", makefile, flags=re.M)
    assert recept, f"geen recept voor {doel} in de Makefile"
    regels = recept.group(1).splitlines()
    if "$(call bouw_$(MOTOR))" in recept.group(1):
        regels += re.findall(r"^bouw_\w+ = (.*)$", makefile, flags=re.M)
    return regels


def test_de_site_en_de_pdf_komen_uit_het_pakket_niet_uit_tools():
    # tools/ is gereedschap voor ontwikkelaars (meten, vastleggen, installeren). Wat online gaat (make build, en
    # make publiceer, die make build is), maakt alleen het pakket: de bouwer, leidraadsite.nabouw, leidraadsite.nabouw.pdf.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^publiceer: build$", makefile, flags=re.M), "make publiceer is niet (meer) make build"
    regels = _recept(makefile, "build")
    modules = [m for regel in regels for m in re.findall(r"-m ([\w.]+)", regel)]
    assert "leidraadsite.nabouw.pdf" in modules and "leidraadsite.nabouw" in modules, regels
    uit_tools = [regel.strip() for regel in regels if "tools." in regel or "tools/" in regel]
    assert not uit_tools, f"make build gebruikt tools/: {uit_tools}"
    # En het pakket zelf importeert niets uit tools/ (dat zit niet in het wiel).
    assert "tools" not in _imports(ROOT / "src"), _imports(ROOT / "src")["tools"]
    assert not (ROOT / "tools/pdf.py").exists(), "de PDF hoort in het pakket (src/leidraadsite/nabouw/pdf.py)"
