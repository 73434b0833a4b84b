"""Het onderhoud: een nieuwe casus met ``nieuw``, verouderde pagina's, de CI, publiccode.yml, de edities,
en een kapotte casus die de tests en de bouw laat falen met een duidelijke melding."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import BOUWDATUM, ROOT, mkdocs_build
from leidraadsite.cli import main
from leidraadsite.inhoud.config import lees_mkdocs_yml
from leidraadsite.nieuw import MARKERING, NieuwFout, menu_met_casus

ACTIONLINT = Path(sys.executable).parent / "actionlint"
WORKFLOW = ROOT / ".github/workflows/ci.yml"


def jobcoach(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "leidraadsite", *args], capture_output=True, text=True, cwd=cwd, timeout=120)


def tekst_van(pad: Path) -> str:
    soep = BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser")
    return re.sub(r"\s+", " ", soep.select_one("article").get_text(" ")).strip()


def tabel(pad: Path, bijschrift: str) -> list[list[str]]:
    soep = BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser")
    for t in soep.select("article table"):
        caption = t.find("caption")
        if caption and caption.get_text().startswith(bijschrift):
            return [[re.sub(r"\s+", " ", c.get_text(" ")).strip() for c in r.find_all(["th", "td"])] for r in t.find_all("tr")]
    raise AssertionError(f"geen tabel '{bijschrift}' in {pad}")


def mkdocs_config(pad: Path) -> dict:
    return lees_mkdocs_yml(pad.read_text(encoding="utf-8"))


# --- jobcoach nieuw ---------------------------------------------------------------------


@pytest.fixture
def klein_project(tmp_path: Path) -> Path:
    """Alleen wat ``nieuw`` nodig heeft: mkdocs.yml en de mappen. Sneller dan een kopie van het hele project."""
    (tmp_path / "casussen").mkdir()
    (tmp_path / "docs/casussen").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    return tmp_path


def test_nieuwe_casus_bouwt_meteen_en_rekent_goed(gewijzigde_bouw):
    # De gedeelde gewijzigde kopie (conftest.GewijzigdeBouw, wijziging 1) ging door
    # 'jobcoach nieuw proefcasus --titel "Proef: een casus" --datum 2026-11-26' en 'jobcoach controleer'.
    project, resultaat, controle = gewijzigde_bouw.project, gewijzigde_bouw.nieuw, gewijzigde_bouw.controle
    assert resultaat.returncode == 0, resultaat.stderr
    assert (project / "casussen/proefcasus.yml").is_file() and (project / "docs/casussen/proefcasus.md").is_file()

    # mkdocs.yml: precies één regel erbij, direct onder de markering; de rest byte voor byte gelijk.
    voor = gewijzigde_bouw.menu_voor.decode("utf-8").splitlines(keepends=True)
    na = (project / "mkdocs.yml").read_bytes().decode("utf-8").splitlines(keepends=True)
    markering = next(i for i, r in enumerate(voor) if r.strip() == MARKERING)
    inspringing = voor[markering][: len(voor[markering]) - len(voor[markering].lstrip())]
    plek = einde_van_de_casussen(voor, markering)  # onder de casussen die er al staan
    assert na == voor[:plek] + [f'{inspringing}- "Proef: een casus": casussen/proefcasus.md\n'] + voor[plek:]

    assert controle.returncode == 0, controle.stderr
    assert "casussen/proefcasus.yml: in orde" in controle.stdout

    # De kopie bouwde streng (anders faalt de fixture met de uitvoer van mkdocs).
    pagina = gewijzigde_bouw.site / "casussen/proefcasus/index.html"

    # De voorbeeldwaarden van het sjabloon (een aanvraag van nu, kader uwv-extern), met de hand uitgerekend:
    # contract 32 uur per week, 6 maanden x 4 weken = 24 weken: 32 x 24 = 768 contracturen.
    # rij 1: in fasen, doel 1: 12 weken wekelijks 1 uur (12) + 12 weken tweewekelijks 1 uur (6) = 18 uur
    # rij 2: 2 uur tweewekelijks, doel 2: 2 x (24 / 2) = 24 uur
    # rij 3: 1 uur maandelijks, doel 3: 1 x (24 / 4) = 6 uur
    # rij 4: 4 uur eenmalig, doel 2: 4 uur
    # rij 5: door de werkgever: telt niet mee
    # extra: 4 uur, doel 1
    # per doel: 1 = 18 + 4 = 22; 2 = 24 + 4 = 28; 3 = 6; totaal 56 uur, alle in periode 1
    # per week: 56 / 24 = 2,333… → 2,33
    per_rij = tabel(pagina, "Urenberekening per rij")
    assert [r[-1] for r in per_rij[1:5]] == ["18", "24", "6", "4"], per_rij
    assert per_rij[-1][0] == "Totaal begeleidingsuren" and per_rij[-1][-1] == "56", per_rij[-1]
    per_doel = tabel(pagina, "Begeleidingsuren per urengroep")
    assert [r[2] for r in per_doel[1:4]] == ["22", "28", "6"], per_doel
    per_periode = tabel(pagina, "Begeleidingsuren per periode")
    assert per_periode[1][0] == "Periode 1 (jaar 1)" and per_periode[1][-1] == "56", per_periode
    lopend = tekst_van(pagina)
    assert "In totaal is er 56 uur begeleiding nodig (2,33 uur per week)" in lopend, lopend
    assert "gelden niet voor een aanvraag van nu" not in lopend and "valt buiten de geldigheid" not in lopend

    # In het menu, beoordeeld op de meegegeven datum (--datum 2026-11-26) en een jaar later te herzien.
    nav = BeautifulSoup(pagina.read_text(encoding="utf-8"), "html.parser").select("nav.md-nav--primary a")
    assert "Proef: een casus" in [a.get_text(strip=True) for a in nav]
    bron = (project / "docs/casussen/proefcasus.md").read_text(encoding="utf-8")
    assert "beoordeeld: 2026-11-26\n" in bron and "herzien_voor: 2027-11-26\n" in bron, bron[:300]


def einde_van_de_casussen(regels: list[str], markering: int) -> int:
    """De regel na het laatste menu-item onder de markering (de casussen die er al staan, op dezelfde inspringing)."""
    inspringing = regels[markering][: len(regels[markering]) - len(regels[markering].lstrip())]
    plek = markering + 1
    while plek < len(regels) and regels[plek].startswith(inspringing + "- "):
        plek += 1
    return plek


def nieuw(projectmap: Path, capsys, monkeypatch, *args: str) -> tuple[int, str]:
    """``jobcoach nieuw …`` binnen het testproces (sneller dan een eigen proces)."""
    monkeypatch.chdir(projectmap)
    code = main(["nieuw", *args])
    return code, capsys.readouterr().err


def test_tweede_nieuwe_casus_komt_onder_de_eerste(klein_project, capsys, monkeypatch):
    for naam in ("eerste", "tweede"):
        assert nieuw(klein_project, capsys, monkeypatch, naam) == (0, "")
    regels = (klein_project / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    plek = einde_van_de_casussen(regels, next(i for i, r in enumerate(regels) if r.strip() == MARKERING))
    assert [r.strip() for r in regels[plek - 2 : plek]] == [
        '- "Eerste": casussen/eerste.md',
        '- "Tweede": casussen/tweede.md',
    ]


def test_nieuw_laat_niets_achter_als_schrijven_mislukt(klein_project, capsys, monkeypatch):
    (klein_project / "mkdocs.yml.nieuw").mkdir()  # de nieuwe mkdocs.yml kan dan niet geschreven worden
    voor = sorted(p.relative_to(klein_project) for p in klein_project.rglob("*"))
    menu = (klein_project / "mkdocs.yml").read_bytes()
    code, fout = nieuw(klein_project, capsys, monkeypatch, "half-gemaakt")
    assert code != 0 and "er is niets veranderd" in fout and "Traceback" not in fout, fout
    assert sorted(p.relative_to(klein_project) for p in klein_project.rglob("*")) == voor, "er bleef iets achter"
    assert (klein_project / "mkdocs.yml").read_bytes() == menu


def test_nieuw_overschrijft_nooit(klein_project, capsys, monkeypatch):
    assert nieuw(klein_project, capsys, monkeypatch, "dubbel")[0] == 0
    bestand = klein_project / "casussen/dubbel.yml"
    bestand.write_text(bestand.read_text(encoding="utf-8") + "# eigen werk\n", encoding="utf-8")
    voor = {p: p.read_bytes() for p in (bestand, klein_project / "docs/casussen/dubbel.md", klein_project / "mkdocs.yml")}
    code, fout = nieuw(klein_project, capsys, monkeypatch, "dubbel")
    assert code != 0
    assert "bestaan al" in fout and "er is niets veranderd" in fout, fout
    assert {p: p.read_bytes() for p in voor} == voor, "een bestaand bestand is veranderd"


def test_nieuw_weigert_de_naam_van_een_bestaande_pagina(project):
    resultaat = jobcoach("nieuw", "casusbestand", cwd=project)  # docs/casussen/casusbestand.md bestaat al
    assert resultaat.returncode != 0 and "docs/casussen/casusbestand.md bestaat al" in resultaat.stderr, resultaat.stderr
    assert not (project / "casussen/casusbestand.yml").exists()


@pytest.mark.parametrize("naam", ["Hoofdletter", "met_liggend_streepje", "-begin", "eind-", "dubbel--streepje",
                                  "met spatie", "één", "a/b", "", "x" * 81])
def test_nieuw_weigert_een_ongeldige_naam(klein_project, naam, capsys, monkeypatch):
    monkeypatch.chdir(klein_project)
    code = main(["nieuw", "--", naam])  # "--": ook "-begin" is dan een naam
    fout = capsys.readouterr().err
    assert code == 1
    assert ("ongeldige naam" in fout and "kleine letters" in fout) or "te lang" in fout, fout
    assert (klein_project / "mkdocs.yml").read_bytes() == (ROOT / "mkdocs.yml").read_bytes()
    assert [p.name for p in klein_project.rglob("*.yml")] == ["mkdocs.yml"]
    assert not list((klein_project / "docs").rglob("*.md"))


def test_nieuw_zonder_markering_in_mkdocs_yml_geeft_een_duidelijke_melding(project):
    menu = project / "mkdocs.yml"
    menu.write_text("".join(r for r in menu.read_text(encoding="utf-8").splitlines(keepends=True)
                            if r.strip() != MARKERING), encoding="utf-8")
    resultaat = jobcoach("nieuw", "zonder-markering", cwd=project)
    assert resultaat.returncode != 0
    assert "markering voor nieuwe casussen ontbreekt" in resultaat.stderr and MARKERING in resultaat.stderr
    assert not (project / "casussen/zonder-markering.yml").exists()
    assert not (project / "docs/casussen/zonder-markering.md").exists()


def test_menu_met_casus_houdt_regeleinden_en_opmaak_byte_voor_byte():
    tekst = (
        "site_name: x\r\n"
        "nav:\r\n"
        "  - Start: index.md   # opmerking\r\n"
        "  - Casussen:\r\n"
        "    - 'Oud': casussen/oud.md\r\n"
        f"    {MARKERING}\r\n"
        "  - Einde: einde.md\r\n"
    )
    nieuw = menu_met_casus(tekst, "Nieuw", "casussen/nieuw.md")
    assert nieuw == tekst.replace(f"{MARKERING}\r\n", f'{MARKERING}\r\n    - "Nieuw": casussen/nieuw.md\r\n')


def test_menu_met_casus_weigert_een_markering_buiten_het_menu():
    tekst = f"theme:\n  features:\n    - a\n    {MARKERING}\nnav:\n  - Start: index.md\n"
    with pytest.raises(NieuwFout, match="niet veilig in het menu"):
        menu_met_casus(tekst, "Nieuw", "casussen/nieuw.md")


# --- jobcoach verouderd -----------------------------------------------------------------


def _pagina(pad: Path, voorkant: str) -> None:
    pad.parent.mkdir(parents=True, exist_ok=True)
    pad.write_text(f"---\n{voorkant}---\n\n# Pagina\n", encoding="utf-8")


def test_verouderd_geeft_een_lijst_oudste_eerst(tmp_path):
    _pagina(tmp_path / "docs/a.md", "beoordeeld: 2024-01-01\nherzien_voor: 2025-01-01\n")
    _pagina(tmp_path / "docs/sub/b.md", "beoordeeld: 2023-06-01\nherzien_voor: 2024-06-01\n")
    _pagina(tmp_path / "docs/c.md", "beoordeeld: 2026-01-01\nherzien_voor: 2030-01-01\n")
    _pagina(tmp_path / "docs/d.md", "title: Zonder datum\n")

    resultaat = jobcoach("verouderd", "--datum", "2025-01-02", cwd=tmp_path)
    assert resultaat.returncode == 0, resultaat.stderr
    regels = resultaat.stdout.splitlines()
    assert regels[0] == "Verouderde pagina's op 2025-01-02 (oudste eerst):"
    # b: 2024-06-01 → 2025-01-02 is 215 dagen; a: 2025-01-01 → 2025-01-02 is 1 dag.
    assert regels[1] == "docs/sub/b.md: herzien vóór 2024-06-01 (215 dagen te laat)"
    assert regels[2] == "docs/a.md: herzien vóór 2025-01-01 (1 dag te laat)"
    assert regels[3] == "2 pagina's zijn verouderd."
    assert "docs/c.md" not in resultaat.stdout
    assert "Zonder herzieningsdatum (herzien_voor): 1 pagina:" in resultaat.stdout and "  docs/d.md" in regels


def test_verouderd_op_de_dag_zelf_is_nog_niet_verouderd(tmp_path):
    _pagina(tmp_path / "docs/a.md", "beoordeeld: 2024-01-01\nherzien_voor: 2025-01-01\n")
    resultaat = jobcoach("verouderd", "--datum", "2025-01-01", cwd=tmp_path)
    assert resultaat.returncode == 0 and resultaat.stdout.startswith("Geen verouderde pagina's op 2025-01-01."), resultaat.stdout


def test_verouderd_met_een_ongeldige_datum(tmp_path):
    resultaat = jobcoach("verouderd", "--datum", "2025-02-30", cwd=tmp_path)
    assert resultaat.returncode == 2
    assert "ongeldige datum '2025-02-30'" in resultaat.stderr and "Traceback" not in resultaat.stderr


def test_verouderd_met_een_foute_voorkant_noemt_het_bestand(tmp_path):
    _pagina(tmp_path / "docs/a.md", "beoordeeld: 2025-01-01\nherzien_voor: 2024-01-01\n")
    resultaat = jobcoach("verouderd", cwd=tmp_path)
    assert resultaat.returncode == 1
    assert resultaat.stderr.startswith("docs/a.md") and "herzien_voor moet na beoordeeld liggen" in resultaat.stderr


def test_verouderd_op_de_pagina_s_van_de_site_hangt_af_van_de_peildatum():
    """Op de editiedatum is geen pagina van de site verouderd; de dag na de laatste herzieningsdatum zijn het alle
    pagina's met een herzieningsdatum. De datum is een parameter: de uitkomst hangt niet af van vandaag."""
    herzien = {}
    for pad in sorted((ROOT / "docs").rglob("*.md")):
        delen = pad.read_text(encoding="utf-8").split("---\n", 2)
        voorkant = yaml.safe_load(delen[1]) if len(delen) == 3 and not delen[0] else None
        if voorkant and voorkant.get("herzien_voor"):
            herzien[pad.relative_to(ROOT).as_posix()] = voorkant["herzien_voor"]
    assert len(herzien) > 25, herzien

    op_de_editiedatum = jobcoach("verouderd", "--datum", BOUWDATUM.isoformat(), cwd=ROOT)
    assert op_de_editiedatum.returncode == 0, op_de_editiedatum.stderr
    assert op_de_editiedatum.stdout.startswith(f"Geen verouderde pagina's op {BOUWDATUM.isoformat()}."), \
        op_de_editiedatum.stdout

    later = max(herzien.values()) + dt.timedelta(days=1)
    daarna = jobcoach("verouderd", "--datum", later.isoformat(), cwd=ROOT)
    assert daarna.returncode == 0, daarna.stderr
    assert daarna.stdout.startswith(f"Verouderde pagina's op {later.isoformat()} (oudste eerst):"), daarna.stdout
    assert f"\n{len(herzien)} pagina's zijn verouderd.\n" in daarna.stdout, daarna.stdout
    for pad, datum in herzien.items():
        assert f"\n{pad}: herzien vóór {datum.isoformat()} (" in daarna.stdout, pad


# --- Een kapotte casus ----------------------------------------------------------------------------


def test_kapotte_casus_laat_controleer_en_de_bouw_falen_met_bestand_regel_en_veld(project, tmp_path):
    casus = project / "casussen/begeleidingsbehoefte-en-regime.yml"
    regels = casus.read_text(encoding="utf-8").splitlines(keepends=True)
    regel = next(i for i, r in enumerate(regels) if r == "    uren: 0.5\n")  # de eerste rij van het schema
    regels[regel] = "    uren: een half\n"
    casus.write_text("".join(regels), encoding="utf-8")
    melding = f"casussen/begeleidingsbehoefte-en-regime.yml:{regel + 1}: schema[1].uren: moet een getal zijn"

    controle = jobcoach("controleer", cwd=project)
    assert controle.returncode != 0
    assert melding in controle.stderr, controle.stderr
    aantal = len(list((project / "casussen").glob("*.yml")))
    assert f"1 van {aantal} casusbestanden is ongeldig." in controle.stderr, controle.stderr

    bouw = mkdocs_build(project, tmp_path / "site")
    uitvoer = bouw.stdout + bouw.stderr
    assert bouw.returncode != 0
    assert melding in uitvoer, uitvoer
    assert "Traceback" not in uitvoer


def test_controleer_keurt_elke_casus_van_de_site_goed():
    resultaat = jobcoach("controleer", cwd=ROOT)
    assert resultaat.returncode == 0, resultaat.stderr
    for bestand in sorted((ROOT / "casussen").glob("*.yml")):
        assert f"casussen/{bestand.name}: in orde" in resultaat.stdout, f"{bestand.name} niet gecontroleerd"


# --- De CI ----------------------------------------------------------------------------------------


def actionlint(*args: str) -> subprocess.CompletedProcess[str]:
    assert ACTIONLINT.is_file(), f"actionlint ontbreekt in {ACTIONLINT.parent}; installeer requirements.lock"
    # Zonder shellcheck en pyflakes: dan is de uitkomst overal gelijk, ook waar die er wel zijn.
    return subprocess.run([str(ACTIONLINT), "-no-color", "-shellcheck=", "-pyflakes=", *args],
                          capture_output=True, text=True, timeout=60)


def test_ci_workflow_is_goed_volgens_actionlint():
    resultaat = actionlint(str(WORKFLOW))
    assert resultaat.returncode == 0, resultaat.stdout + resultaat.stderr


def test_actionlint_vindt_een_fout_in_een_workflow(tmp_path):
    kapot = tmp_path / ".github/workflows/kapot.yml"
    kapot.parent.mkdir(parents=True)
    kapot.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ubuntu-24.04", "runs_on: ubuntu-24.04", 1),
                     encoding="utf-8")
    resultaat = actionlint(str(kapot))
    assert resultaat.returncode != 0
    assert re.search(r"kapot\.yml:\d+:\d+: .*runs_on", resultaat.stdout), resultaat.stdout


def test_ci_draait_make_test_bij_elk_voorstel_en_publiceert_vanaf_main():
    ci = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    op = ci.get("on", ci.get(True))  # PyYAML leest de sleutel 'on' als true
    assert "pull_request" in op and op["push"]["branches"] == ["main"], op
    test = ci["jobs"]["test"]
    assert test["container"].startswith("python:3.11"), test["container"]
    assert [s.get("run") for s in test["steps"] if "run" in s] == ["make test"]
    bouwen = ci["jobs"]["bouwen"]
    assert bouwen["needs"] == "test" and "refs/heads/main" in bouwen["if"] and "push" in bouwen["if"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact") and s["with"]["path"] == "site"
               for s in bouwen["steps"])
    # De site wordt gebouwd zoals lokaal: 'make publiceer' is 'make build' (met de PDF die elke pagina aanbiedt)
    # met LEIDRAAD_PRODUCTIE=1, zodat een voorlopig adres niet online gaat (tests/test_terugmelding.py).
    assert [s.get("run") for s in bouwen["steps"] if "run" in s] == ["make publiceer"], bouwen["steps"]
    recept = re.search(r"^build:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M)
    assert recept and "-m leidraadsite.nabouw.pdf --site site" in recept.group(1), "make build maakt de PDF niet (meer)"
    publiceren = ci["jobs"]["publiceren"]
    assert publiceren["needs"] == "bouwen" and publiceren["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(s.get("uses", "").startswith("actions/deploy-pages") for s in publiceren["steps"])


def test_ci_roept_dezelfde_opdracht_aan_als_lokaal():
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert re.search(r"^test:", (ROOT / "Makefile").read_text(encoding="utf-8"), flags=re.M)


# --- publiccode.yml, licentie en edities -----------------------------------------------------------

# Verplichte velden en toegestane waarden volgens de Standard for Public Code (publiccode.yml, core).
SOFTWARE_TYPES = {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web",
                  "standalone/backend", "standalone/other", "addon", "library", "configurationFiles"}
STATUSSEN = {"concept", "development", "beta", "stable", "obsolete"}
ONDERHOUD = {"internal", "contract", "community", "none"}


def test_publiccode_yml_heeft_de_verplichte_velden():
    pc = yaml.load((ROOT / "publiccode.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506 - alles als tekst
    for sleutel in ("publiccodeYmlVersion", "name", "url", "platforms", "categories", "developmentStatus",
                    "softwareType", "description", "legal", "maintenance", "localisation"):
        assert sleutel in pc, f"publiccode.yml: verplichte sleutel '{sleutel}' ontbreekt"
    assert re.fullmatch(r"\d+(\.\d+)*", pc["publiccodeYmlVersion"])
    assert pc["url"].startswith("https://")
    assert pc["platforms"] and pc["categories"] and all(re.fullmatch(r"[a-z-]+", c) for c in pc["categories"])
    assert pc["developmentStatus"] in STATUSSEN and pc["softwareType"] in SOFTWARE_TYPES
    assert pc["description"], "description heeft minstens één taal nodig"
    for taal, beschrijving in pc["description"].items():
        assert 0 < len(beschrijving["shortDescription"]) <= 150, f"{taal}: shortDescription is te lang"
        assert 150 <= len(beschrijving["longDescription"]) <= 10000, f"{taal}: longDescription 150 tot 10000 tekens"
        assert beschrijving["features"], f"{taal}: features ontbreken"
    assert pc["legal"]["license"] == "EUPL-1.2"
    assert pc["maintenance"]["type"] in ONDERHOUD
    if pc["maintenance"]["type"] in {"internal", "community"}:
        assert all(c.get("name") for c in pc["maintenance"]["contacts"]), "contactpersonen hebben een naam nodig"
    assert pc["localisation"]["localisationReady"] in {"true", "false"}
    assert "nl" in pc["localisation"]["availableLanguages"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", pc["releaseDate"])


def test_editie_is_overal_dezelfde():
    extra = mkdocs_config(ROOT / "mkdocs.yml")["extra"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    edities = re.findall(r"^## Editie (\S+)", changelog, flags=re.M)
    pc = yaml.load((ROOT / "publiccode.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)  # noqa: S506 - alleen tekst
    assert edities[0] == str(extra["editie"]) == pc["softwareVersion"], (edities, extra["editie"], pc["softwareVersion"])
    assert str(extra["editiedatum"]) == pc["releaseDate"]
    assert edities[-1] == "2011", "de oudste editie is de leidraad van 2011"


def test_licentie_is_eupl_en_cc_by():
    licentie = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "EUPL-1.2" in licentie and "https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12" in licentie
    assert "CC BY 4.0" in licentie
    assert 'license = "EUPL-1.2"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def test_wijzigingen_pagina_toont_de_editie_en_alle_edities_uit_changelog(site):
    pagina = site / "wijzigingen/index.html"
    soep = BeautifulSoup(pagina.read_text(encoding="utf-8"), "html.parser")
    koppen = [re.sub(r"\s+", " ", h.get_text(" ")).replace("¶", "").strip() for h in soep.select("article h2")
              if not h.find_parent(class_="pagina-voet")]  # de voet "Over deze pagina" staat op elke pagina
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert koppen == [k.strip() for k in re.findall(r"^## (.+)$", changelog, flags=re.M)], koppen
    editie = mkdocs_config(ROOT / "mkdocs.yml")["extra"]["editie"]
    assert f"U leest editie {editie} van de Leidraad Jobcoach online" in tekst_van(pagina)
    assert "oranje stand" in tekst_van(pagina)


def test_changelog_zonder_editie_laat_de_bouw_falen(project, tmp_path):
    (project / "CHANGELOG.md").write_text("# Wijzigingen\n\nNog niets.\n", encoding="utf-8")
    bouw = mkdocs_build(project, tmp_path / "site")
    uitvoer = bouw.stdout + bouw.stderr
    assert bouw.returncode != 0
    assert "CHANGELOG.md: geen editie gevonden" in uitvoer, uitvoer
