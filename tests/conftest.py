"""Gedeelde hulpmiddelen voor de tests: de gebouwde site, de PDF en een kopie van het project om in te knoeien.

Fixtures voor nieuwe tests (vraag ze gewoon als argument):

- ``site``: de echte site, één keer per testrun streng gebouwd (``mkdocs build --strict``), zonder PDF. Ook met
  pytest-xdist (``make test``) bouwt maar één werker; de andere wacht en leest dezelfde map. Alleen lezen.
- ``site_met_pdf``: dezelfde map, met daarin de PDF van de hele leidraad (leidraadsite.nabouw.pdf, Chromium). De PDF wordt
  één keer per run gemaakt, en alleen als een test erom vraagt.
- ``project``: een nieuwe kopie van het project (per test), om te veranderen en zelf te bouwen met
  ``mkdocs_build(project, doel)`` of ``bouwhulp.bouw_met_eigen_pakket``.
- ``gewijzigde_bouw``: één gedeelde kopie van het project met een paar wijzigingen tegelijk, één keer gebouwd
  (zie ``GewijzigdeBouw``). Voor tests die alleen lezen wat een gewijzigd project oplevert; een nieuwe wijziging die
  niet bijt met de andere kan erbij.
- ``waarschuwingsbouw``: zo ook voor fouten die de strenge bouw pas aan het eind meldt (``Waarschuwingsbouw``).
- ``vijandige_bouw``: de kopie met elke vijandige tekst uit tests/vijandig.py, één keer gebouwd (``VijandigeBouw``).
  Een fout die de bouw meteen stopt, hoort in een eigen kopie (``project``): dan ziet elke test zijn eigen melding.

Soorten tests (markers; ``pytest -m build`` voert één soort uit). Ze worden hier vanzelf gezet, uit de map en uit
de fixtures die een test gebruikt; een test kan ook zelf een marker zetten:

- ``browser``: alles in tests/browser/ en elke test die ``site_met_pdf`` vraagt (Chromium);
- ``build``: elke andere test die ``site``, ``project``, ``gewijzigde_bouw`` of ``waarschuwingsbouw`` vraagt, of
  zelf ``build`` heeft;
- ``unit``: de rest (ook de codeblokken in docs/): snel, zonder bouw;
- ``bench``: de prestatiemeting; alleen met ``-m bench`` (``make bench``), nooit in ``make test``.

De tests hangen niet af van de datum van vandaag: een bouw krijgt de editiedatum (``BOUWDATUM``), en een test die
"vandaag" nodig heeft, geeft een datum mee (``jobcoach verouderd --datum``, ``jobcoach nieuw --datum``).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from leidraadsite.inhoud.config import lees_editie

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
    """De PDF van de hele leidraad uit een gebouwde site (python -m leidraadsite.nabouw.pdf)."""
    return subprocess.run(
        [sys.executable, "-m", "leidraadsite.nabouw.pdf", "--site", str(site), "--config", str(config)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def kopieer_project(doel: Path) -> Path:
    """Een kopie van alles wat de site nodig heeft, om in een test te veranderen."""
    for naam in ("docs", "casussen", "macros", "tests", "src", "overrides"):
        shutil.copytree(ROOT / naam, doel / naam, ignore=shutil.ignore_patterns("__pycache__"))
    for naam in ("mkdocs.yml", "pyproject.toml", "CHANGELOG.md"):
        shutil.copy2(ROOT / naam, doel / naam)
    if (ROOT / "edities").is_dir():
        shutil.copytree(ROOT / "edities", doel / "edities")
    return doel


# --- Eén keer per testrun, ook met pytest-xdist ----------------------------------------------------


def een_keer_per_run(tmp_path_factory: pytest.TempPathFactory, naam: str, maak: Callable[[Path], None]) -> Path:
    """Geef de map ``naam``, die ``maak(map)`` één keer per testrun vult.

    Met pytest-xdist heeft elke werker een eigen sessie; de werkers delen dan de tijdelijke map van de run en een
    slot (flock), zodat de eerste maakt en de andere wachten. Mislukt het maken, dan melden de andere werkers
    dezelfde fout zonder het opnieuw te proberen.
    """
    basis = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        basis = basis.parent  # pytest-of-…/pytest-N/, gedeeld door popen-gw0, popen-gw1, …
    doel, klaar, fout = basis / naam, basis / f"{naam}.klaar", basis / f"{naam}.fout"
    with open(basis / f"{naam}.slot", "w") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)
        if fout.exists():
            pytest.fail(fout.read_text(encoding="utf-8"), pytrace=False)
        if not klaar.exists():
            try:
                maak(doel)
            except (Exception, pytest.fail.Exception) as e:
                fout.write_text(f"{naam} maken mislukte (in een andere test):\n{e}", encoding="utf-8")
                raise
            klaar.touch()
    return doel


def _bouw_site(doel: Path) -> None:
    resultaat = mkdocs_build(ROOT, doel)
    assert resultaat.returncode == 0, f"mkdocs build --strict faalde:\n{resultaat.stdout}\n{resultaat.stderr}"


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """De site, één keer per testrun streng gebouwd (zonder PDF; zie ``site_met_pdf``)."""
    return een_keer_per_run(tmp_path_factory, "site", _bouw_site)


@pytest.fixture(scope="session")
def site_met_pdf(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """De site met de PDF van de hele leidraad erin, zoals ``make build`` hem maakt. Eén keer per run."""

    def maak(_: Path) -> None:
        pdf = maak_pdf(site)
        assert pdf.returncode == 0, f"leidraadsite.nabouw.pdf faalde:\n{pdf.stdout}\n{pdf.stderr}"

    een_keer_per_run(tmp_path_factory, "pdf", maak)
    return site


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return kopieer_project(tmp_path / "project")


# --- Eén gewijzigd project voor tests die alleen lezen --------------------------------------------


@dataclass
class GewijzigdeBouw:
    """Een kopie van het project met deze wijzigingen samen, één keer streng gebouwd met het pakket uit de kopie
    (``bouwhulp.bouw_met_eigen_pakket``). Elke wijziging raakt een ander bestand; de test die haar leest staat
    erbij. Wie er een toevoegt: alleen een wijziging die de andere pagina's niet verandert.

    1. ``jobcoach nieuw proefcasus --titel "Proef: een casus" --datum 2026-11-26``, daarna ``jobcoach controleer``
       (test_onderhoud.py::test_nieuwe_casus_bouwt_meteen_en_rekent_goed; ``nieuw`` en ``controle`` zijn hun uitvoer);
    2. casussen/begeleidingsbehoefte-en-regime.yml: de eerste rij van het schema 1 uur in plaats van 0,5
       (test_site.py::test_ander_getal_in_casusdata_verandert_de_pagina_en_laat_een_codeblok_falen);
    3. docs/leidraad/logboek.md: beoordeeld 2020-03-01, herzien vóór 2021-03-01
       (test_paginas.py::test_verouderde_pagina_toont_een_waarschuwing_in_de_gebouwde_site);
    4. docs/index.md: twee ruwe HTML-links naar iets wat niet bestaat
       (test_links.py::test_linkcontrole_vindt_een_kapotte_link_en_een_kapot_anker);
    5. src/leidraadsite/data/regioplan/tabel-2-1.yml: 98 wordt 97
       (test_regioplan.py::test_percentages_in_lopende_tekst_komen_uit_de_data).
    """

    project: Path
    site: Path
    menu_voor: bytes  # mkdocs.yml vóór 'jobcoach nieuw'
    nieuw: subprocess.CompletedProcess[str]
    controle: subprocess.CompletedProcess[str]


def vervang_precies_een_keer(pad: Path, oud: str, nieuw: str) -> None:
    """Vervang ``oud`` door ``nieuw`` in een bestand; ``oud`` moet er precies één keer in staan."""
    tekst = pad.read_text(encoding="utf-8")
    assert tekst.count(oud) == 1, f"{pad}: verwacht '{oud}' precies één keer, gevonden {tekst.count(oud)} keer"
    pad.write_text(tekst.replace(oud, nieuw), encoding="utf-8")


def jobcoach_in(projectmap: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """De opdracht ``jobcoach`` (python -m leidraadsite) in een eigen proces, in ``projectmap``."""
    return subprocess.run([sys.executable, "-m", "leidraadsite", *args], capture_output=True, text=True,
                          cwd=projectmap, timeout=120)


@pytest.fixture(scope="session")
def gewijzigde_bouw(tmp_path_factory: pytest.TempPathFactory) -> GewijzigdeBouw:
    from bouwhulp import bouw_met_eigen_pakket

    def maak(map_: Path) -> None:
        project = kopieer_project(map_ / "project")
        (map_ / "menu_voor").write_bytes((project / "mkdocs.yml").read_bytes())
        for naam, args in (("nieuw", ("nieuw", "proefcasus", "--titel", "Proef: een casus",
                                      "--datum", "2026-11-26")), ("controle", ("controleer",))):
            uit = jobcoach_in(project, *args)
            (map_ / f"{naam}.uit").write_text(f"{uit.returncode}\n{uit.stdout}\0{uit.stderr}", encoding="utf-8")
        casus = project / "casussen/begeleidingsbehoefte-en-regime.yml"  # de eerste 'uren: 0.5' is de eerste rij
        casus.write_text(casus.read_text(encoding="utf-8").replace("    uren: 0.5\n", "    uren: 1\n", 1), encoding="utf-8")
        vervang_precies_een_keer(project / "docs/leidraad/logboek.md", "beoordeeld: 2026-11-26\nherzien_voor: 2027-11-26",
                                 "beoordeeld: 2020-03-01\nherzien_voor: 2021-03-01")
        index = project / "docs/index.md"
        index.write_text(index.read_text(encoding="utf-8") + '\n\n<p><a href="casussen/bestaat-niet/">weg</a> en '
                         '<a href="casussen/casusbestand/#geen-anker">anker</a></p>\n', encoding="utf-8")
        vervang_precies_een_keer(project / "src/leidraadsite/data/regioplan/tabel-2-1.yml",
                                 "waarden: [98, 80]", "waarden: [97, 80]")
        bouw = bouw_met_eigen_pakket(project, map_ / "site")
        assert bouw.returncode == 0, f"de gewijzigde kopie bouwt niet streng:\n{bouw.stdout}\n{bouw.stderr}"

    map_ = een_keer_per_run(tmp_path_factory, "gewijzigd", maak)

    def uitvoer(naam: str) -> subprocess.CompletedProcess[str]:
        code, rest = (map_ / f"{naam}.uit").read_text(encoding="utf-8").split("\n", 1)
        stdout, stderr = rest.split("\0")
        return subprocess.CompletedProcess([naam], int(code), stdout, stderr)

    return GewijzigdeBouw(map_ / "project", map_ / "site", (map_ / "menu_voor").read_bytes(),
                          uitvoer("nieuw"), uitvoer("controle"))


def _bewaar_bouw(map_: Path, bouw: subprocess.CompletedProcess[str]) -> None:
    """Uitkomst van een bouw die één keer per run gebeurt, voor de andere werker (zie ``een_keer_per_run``)."""
    (map_ / "bouw.uit").write_text(f"{bouw.returncode}\n{bouw.stdout}\0{bouw.stderr}", encoding="utf-8")


def _gelezen_bouw(map_: Path) -> subprocess.CompletedProcess[str]:
    code, rest = (map_ / "bouw.uit").read_text(encoding="utf-8").split("\n", 1)
    stdout, stderr = rest.split("\0")
    return subprocess.CompletedProcess(["mkdocs"], int(code), stdout, stderr)


@dataclass
class Waarschuwingsbouw:
    """Een kopie van het project met twee fouten die MkDocs pas aan het eind van een strenge bouw meldt (als
    waarschuwing; --strict stopt dan met een foutcode), samen in één bouw. Elke test zoekt zijn eigen melding.

    1. docs/wees.md, een pagina die niet in de nav staat (test_navigatie.py::test_weespagina_laat_de_strenge_bouw_falen);
    2. docs/sjablonen/logboek.md linkt naar downloads/logboek.odt, dat niet bestaat
       (test_sjablonen.py::test_kapotte_link_naar_een_download_laat_de_bouw_falen).
    """

    project: Path
    bouw: subprocess.CompletedProcess[str]


@pytest.fixture(scope="session")
def waarschuwingsbouw(tmp_path_factory: pytest.TempPathFactory) -> Waarschuwingsbouw:
    def maak(map_: Path) -> None:
        project = kopieer_project(map_ / "project")
        (project / "docs/wees.md").write_text("# Wees\n\nDeze pagina staat niet in de nav.\n", encoding="utf-8")
        vervang_precies_een_keer(project / "docs/sjablonen/logboek.md", "downloads/logboek.docx", "downloads/logboek.odt")
        bouw = mkdocs_build(project, map_ / "site")
        _bewaar_bouw(map_, bouw)

    map_ = een_keer_per_run(tmp_path_factory, "waarschuwingen", maak)
    return Waarschuwingsbouw(map_ / "project", _gelezen_bouw(map_))


@dataclass
class VijandigeBouw:
    """Een kopie van het project met elke vijandige tekst uit tests/vijandig.py (``TEKST_AANVALLEN``: titel, voorkant,
    menu, begrippen, rollen), één keer per run streng gebouwd met het pakket uit de kopie. Gelezen door
    test_vijandig.py (de HTML) en browser/test_vijandig_in_browser.py (dezelfde site in Chromium). Alleen lezen."""

    project: Path
    site: Path
    bouw: subprocess.CompletedProcess[str]


@pytest.fixture(scope="session")
def vijandige_bouw(tmp_path_factory: pytest.TempPathFactory) -> VijandigeBouw:
    from bouwhulp import bouw_met_eigen_pakket
    from vijandig import TEKST_AANVALLEN

    def maak(map_: Path) -> None:
        project = kopieer_project(map_ / "project")
        for bestand, oud, nieuw in TEKST_AANVALLEN:
            vervang_precies_een_keer(project / bestand, oud, nieuw)
        bouw = bouw_met_eigen_pakket(project, map_ / "site")
        _bewaar_bouw(map_, bouw)

    map_ = een_keer_per_run(tmp_path_factory, "vijandig", maak)
    return VijandigeBouw(map_ / "project", map_ / "site", _gelezen_bouw(map_))


# --- Twee werkers (pytest-xdist, make test) -------------------------------------------------------

BROWSERTESTS = "tests/browser/"
# Browsertests die de rondgang langs alle pagina's niet gebruiken (alleen browser, server, site): elk bestand mag
# naar de werker die vrij is. Alle andere browsertests blijven samen op één werker, want de rondgang
# (tests/browser/rondgang.py) is een fixture per sessie, en elke werker is een eigen sessie: verspreid zou hij
# twee keer lopen. Een nieuw bestand valt dus vanzelf in de veilige groep.
ZELFSTANDIG = ("test_toetsenbord.py", "test_zoeken.py", "test_rekenhulp_pariteit.py", "test_rekenhulp_formulier.py",
               "test_rekenhulp_gebruik.py", "test_vijandig_in_browser.py")


# Wat in een testbestand eens per proces gemaakt wordt en door meer tests gelezen: die tests blijven op één werker.
GEDEELD_PER_BESTAND = ('scope="module"', "functools.cache", "functools.lru_cache", "een_keer_per_run(")


@functools.cache
def _bron(bestand: str) -> str:
    pad = ROOT / bestand
    return pad.read_text(encoding="utf-8") if pad.suffix == ".py" and pad.is_file() else ""


def werkeenheid(nodeid: str) -> str:
    """Wat met ``--dist loadgroup`` bij elkaar blijft: de browsertests met de rondgang, elk zelfstandig
    browsertestbestand (zijn fixtures per module), de tests die de PDF lezen (``site_met_pdf``), elk ander bestand
    met een fixture per module of een cache (``GEDEELD_PER_BESTAND``), en verder elke test apart.

    De PDF-tests samen: de PDF wordt één keer per run gemaakt (een halve minuut); verspreid over twee werkers wacht
    de ene werker al die tijd stil op het slot terwijl de andere hem maakt. Een fixture per module (een gebouwde
    kopie, een wiel, Word-bestanden via LibreOffice) of een cache (de 511 gevallen van de rekenhulp in Python) zou op
    elke werker opnieuw gemaakt worden."""
    bestand = nodeid.split("::")[0]
    if not nodeid.startswith(BROWSERTESTS):
        bron = _bron(bestand)
        if "site_met_pdf" in bron and "def site_met_pdf" not in bron:
            return "pdf"
        return bestand if any(teken in bron for teken in GEDEELD_PER_BESTAND) else nodeid
    return bestand if bestand.removeprefix(BROWSERTESTS) in ZELFSTANDIG else "browser"


@pytest.hookimpl(optionalhook=True)  # ook zonder pytest-xdist (-p no:xdist) geen fout
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """Met ``--dist loadgroup`` verdeelt dit de tests over de werkers volgens ``werkeenheid``, in de volgorde van
    ``_volgorde``: de browsertests met de rondgang gaan als eerste weg, de rest naar de werker die vrij is.

    Dit verdeelt zelf, op het pad van de test: de marker ``xdist_group`` van pytest-xdist 3.8 werkt niet met pytest
    9.2 (xdist zet de groep in ``item._nodeid``, pytest 9.2 leest ``item.nodeid`` uit ``item._id``), waardoor de
    browsertests over beide werkers verspreid werden en de rondgang twee keer liep.
    """
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    # Niet eerst de grootste eenheid (het aantal tests zegt weinig over de duur): de volgorde van _volgorde.
    config.option.loadscopereorder = False

    class Werkeenheden(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return werkeenheid(nodeid)

    return Werkeenheden(config, log)


# --- Markers ---------------------------------------------------------------------------------------

BOUW_FIXTURES = {"site", "project", "gewijzigde_bouw", "waarschuwingsbouw", "vijandige_bouw",
                 "bouw_met_script_in_paginas"}
SOORTEN = ("unit", "build", "browser", "voorvertoning", "bench", "motoren")


@pytest.hookimpl(tryfirst=True)  # vóór de selectie met -m en vóór de groepen van pytest-xdist
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    browsermap = ROOT / "tests" / "browser"
    bench, overig = [], []
    for item in items:
        eigen = {m.name for m in item.iter_markers() if m.name in SOORTEN}
        fixtures = set(getattr(item, "fixturenames", ()))
        if eigen & {"bench", "motoren"}:
            if not eigen & set((config.option.markexpr or "").split()):
                bench.append(item)  # alleen als erom gevraagd wordt (-m bench, -m motoren)
                continue
            overig.append(item)
            continue
        overig.append(item)
        in_browsermap = browsermap in Path(str(item.path)).parents
        if in_browsermap or "site_met_pdf" in fixtures:
            item.add_marker(pytest.mark.browser)
        elif fixtures & BOUW_FIXTURES and not eigen & {"build", "voorvertoning"}:
            item.add_marker(pytest.mark.build)
        elif not eigen:
            item.add_marker(pytest.mark.unit)
    if bench:
        config.hook.pytest_deselected(items=bench)
        items[:] = overig
    # Volgorde (voor twee werkers van pytest-xdist; de werkeenheden gaan in deze volgorde weg, zie
    # pytest_xdist_make_scheduler): eerst de browsertests met de rondgang (één lange reeks, op één werker; die werker
    # bouwt de site), dan de tests van de voorvertoning (de langste, elk ongeveer 25 s; ze bouwen een eigen kopie,
    # zodat de andere werker niet op de site wacht), dan de tests van de PDF (één werkeenheid), dan de andere
    # browsertests, dan de tests die een eigen kopie bouwen, dan wie de site leest, en de snelle tests als laatste,
    # om de gaten te vullen.
    items.sort(key=_volgorde)


def _volgorde(item: pytest.Item) -> int:
    fixtures = set(getattr(item, "fixturenames", ()))
    if werkeenheid(item.nodeid) == "browser":
        return 0
    if Path(str(item.path)).name.startswith("test_voorvertoning"):
        return 1
    if "site_met_pdf" in fixtures:
        return 2
    if item.nodeid.startswith(BROWSERTESTS):
        return 3
    if fixtures & (BOUW_FIXTURES - {"site"}) and "site" not in fixtures:
        return 4
    return 5 if item.get_closest_marker("unit") is None else 6


if os.environ.get("MUTANT_UNDER_TEST"):
    # Alleen onder make mutatie (mutmut zet deze variabele): elke mutatie draait in een kopie van het proces dat de
    # tests al eens draaide. Zonder dit gaven de caches van opmaak en casus (lru_cache) de getallen van vóór de
    # mutatie terug, en leek een mutatie in getal() of procent_afgekapt() door geen test opgemerkt.
    @pytest.fixture(autouse=True)
    def _lege_caches_van_het_domein() -> None:
        from jobcoach import casus, opmaak

        for functie in (opmaak.getal, opmaak.procent_afgekapt, opmaak._patroon, casus.breuk):
            functie.cache_clear()
