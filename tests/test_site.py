"""De gebouwde site: de casuspagina rekent live, fouten in casusdata houden de bouw tegen."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, SEED_CASUS, mkdocs_build
from jobcoach import json_schema, laad_regels

CASUS_PAGINA = Path("casussen/begeleidingsbehoefte-en-regime/index.html")
REKEN_PAGINA = Path("casussen/zo-rekent-de-site/index.html")
REKEN_BRON = ROOT / "docs/casussen/zo-rekent-de-site.md"


def lees(site: Path, pagina: Path) -> BeautifulSoup:
    return BeautifulSoup((site / pagina).read_text(encoding="utf-8"), "html.parser")


def inhoud(soep: BeautifulSoup) -> BeautifulSoup:
    artikel = soep.select_one("article.md-content__inner")
    assert artikel is not None, "geen artikel op de pagina"
    return artikel


def tekst(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ")).strip()


def tabel(artikel, bijschrift_begin: str) -> list[list[str]]:
    for t in artikel.find_all("table"):
        caption = t.find("caption")
        if caption and caption.get_text().startswith(bijschrift_begin):
            return [[tekst(c) for c in rij.find_all(["th", "td"])] for rij in t.find_all("tr")]
    raise AssertionError(f"geen tabel met bijschrift '{bijschrift_begin}'")


def test_casuspagina_toont_de_getallen_uit_de_casustekst(site):
    artikel = inhoud(lees(site, CASUS_PAGINA))
    lopend = tekst(artikel)
    assert "In totaal komt dit neer op 42 uur (1,75 uur per week" in lopend
    assert "Dit is een begeleidingsregime van (42/960) *100% = 4,37%." in lopend
    assert "toe te kennen met een regime van 6 procent" in lopend
    assert "intensief regime jobcoaching (15%)" in lopend


def test_casuspagina_heeft_het_schema_begeleidingsbehoefte(site):
    rijen = tabel(inhoud(lees(site, CASUS_PAGINA)), "Schema begeleidingsbehoefte")
    assert rijen[0] == [
        "Aard van de begeleiding", "Gericht op het knelpunt", "Door wie?", "Aan wie?",
        "Duur van de begeleiding", "Intensiteit van de begeleiding", "Motivering",
    ]
    assert rijen[1][:6] == ["Persoonlijk", "Aansturingsbehoefte", "Jobcoach", "", "0,5 uur per week", "Wekelijks"]
    assert rijen[3][:6] == ["", "Aanleren goede werknemersmentaliteit", "Jobcoach", "", "1 uur per 2 weken", "Tweewekelijks"]
    assert rijen[4] == ["", "Inspelen op onverwachte gebeurtenissen.", "", "", "", "", ""], "bron: alleen het knelpunt"
    assert rijen[5][:3] == ["Functioneel", "Aansturingsbehoefte", "Werkgever"]
    assert len(rijen) == 7, "geen rij die niet in het schema van de casus staat"


def test_casuspagina_heeft_de_urenberekening(site):
    artikel = inhoud(lees(site, CASUS_PAGINA))
    per_rij = tabel(artikel, "Urenberekening per rij")
    assert [r[-1] for r in per_rij[1:4]] == ["12", "12", "12"]  # 0,5 uur × 24 weken; 1 uur × 12 keer
    assert per_rij[-1][0] == "Totaal begeleidingsuren" and per_rij[-1][-1] == "42"
    per_doel = tabel(artikel, "Begeleidingsuren per urengroep")
    assert [r[2] for r in per_doel[1:4]] == ["18", "12", "12"]
    samenvatting = dict(r for r in tabel(artikel, "Samenvatting") if len(r) == 2)
    assert samenvatting["Contracturen"] == "960"
    assert samenvatting["Gemiddeld per week"] == "1,75 uur"
    assert samenvatting["Percentage van de contracturen"].endswith("= 4,37%")
    assert samenvatting["Aangevraagd regime"] == "15%"
    assert samenvatting["Geadviseerd regime"] == "6%"


def _beweringen_met_tekst(markdown: str) -> list[str]:
    """De tekstwaarden die de Python-blokken van een pagina beweren (assert … == "…")."""
    waarden = []
    for blok in re.findall(r"^```\{?\.?python[^\n]*\n(.*?)^```", markdown, flags=re.S | re.M):
        for knoop in ast.walk(ast.parse(blok)):
            if isinstance(knoop, ast.Assert) and isinstance(knoop.test, ast.Compare):
                for kant in [knoop.test.left, *knoop.test.comparators]:
                    if isinstance(kant, ast.Constant) and isinstance(kant.value, str):
                        waarden.append(kant.value)
    return waarden


def test_zo_rekent_de_site_toont_wat_de_codeblokken_beweren(site):
    beweerd = _beweringen_met_tekst(REKEN_BRON.read_text(encoding="utf-8"))
    assert {"42", "1,75", "4,37%"} <= set(beweerd), beweerd
    artikel = inhoud(lees(site, REKEN_PAGINA))
    for code in artikel.find_all(["pre", "code"]):
        code.decompose()
    lopend = tekst(artikel)
    for waarde in beweerd:
        if re.fullmatch(r"[\d.,%]+", waarde):
            assert re.search(rf"(?<![\d,]){re.escape(waarde)}(?![\d,])", lopend), f"'{waarde}' staat niet in de tekst"


def test_ander_getal_in_casusdata_verandert_de_pagina_en_laat_een_codeblok_falen(gewijzigde_bouw):
    # In de gedeelde gewijzigde kopie (conftest.GewijzigdeBouw, wijziging 2) heeft rij 1 van de casus 1 uur per week.
    lopend = tekst(inhoud(lees(gewijzigde_bouw.site, CASUS_PAGINA)))
    # Rij 1 gaat van 0,5 naar 1 uur per week: 12 uur meer, dus 54 uur, 2,25 per week, 54/960 = 5,625%.
    assert "In totaal komt dit neer op 54 uur (2,25 uur per week" in lopend
    assert "(54/960) *100% = 5,62%" in lopend
    assert "42 uur" not in lopend

    docs = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--markdown-docs",
         "--markdown-docs-syntax=superfences", "docs/casussen/zo-rekent-de-site.md"],
        cwd=gewijzigde_bouw.project, capture_output=True, text=True, timeout=300,
    )
    assert docs.returncode != 0, docs.stdout
    assert "failed" in docs.stdout and "42" in docs.stdout


def test_tikfout_in_casussleutel_laat_de_bouw_falen_met_bestand_en_veld(project, tmp_path):
    casus = project / "casussen/begeleidingsbehoefte-en-regime.yml"
    casus.write_text(casus.read_text(encoding="utf-8").replace("  regime: 6", "  regiem: 6"), encoding="utf-8")
    resultaat = mkdocs_build(project, tmp_path / "site")
    uitvoer = resultaat.stdout + resultaat.stderr
    assert resultaat.returncode != 0
    assert re.search(r"casussen/begeleidingsbehoefte-en-regime\.yml:\d+: advies\.regiem: onbekend veld", uitvoer), uitvoer
    assert "Traceback" not in uitvoer


def test_onbekende_casus_in_een_pagina_laat_de_bouw_falen(project, tmp_path):
    pagina = project / "docs/casussen/begeleidingsbehoefte-en-regime.md"
    pagina.write_text(pagina.read_text(encoding="utf-8").replace(
        "{{ schema_tabel('begeleidingsbehoefte-en-regime') }}", "{{ schema_tabel('bestaat-niet') }}"), encoding="utf-8")
    resultaat = mkdocs_build(project, tmp_path / "site")
    uitvoer = resultaat.stdout + resultaat.stderr
    assert resultaat.returncode != 0
    assert "Casus 'bestaat-niet' bestaat niet" in uitvoer, uitvoer


def test_gepubliceerd_json_schema_is_gelijk_aan_het_model():
    gepubliceerd = json.loads((ROOT / "docs/schema/casus.schema.json").read_text(encoding="utf-8"))
    assert gepubliceerd == json_schema(laad_regels()), "docs/schema/casus.schema.json is verouderd: jobcoach schema --schrijf"


def test_json_schema_keurt_de_casus_goed_en_een_tikfout_af():
    schema = json_schema(laad_regels())
    gegevens = yaml.safe_load(SEED_CASUS.read_text(encoding="utf-8"))
    jsonschema.validate(gegevens, schema)
    gegevens["schema"][0]["intensiteit"] = "dagelijks"
    fouten = list(jsonschema.Draft202012Validator(schema).iter_errors(gegevens))
    assert len(fouten) == 1 and list(fouten[0].absolute_path) == ["schema", 0, "intensiteit"]


def test_json_schema_staat_in_de_gebouwde_site(site):
    assert json.loads((site / "schema/casus.schema.json").read_text(encoding="utf-8"))["title"] == "Casus Leidraad Jobcoach"


def test_protocoltabel_toont_einde_en_onzekerheid_per_versie(site):
    artikel = inhoud(lees(site, Path("leidraad/uitgangspunten/protocol-jobcoach/index.html")))
    # De eerste kolom is de naam met het id eronder; het id is het laatste woord.
    rijen = {r[0].split()[-1]: r for r in tabel(artikel, "Protocolversies")[1:]}
    assert rijen["protocol-2016"][0] == "Beleidsregel Protocol Jobcoach UWV 2016 protocol-2016", rijen["protocol-2016"]
    assert "onzeker:" in rijen["interne-jobcoach-2015"][2], rijen["interne-jobcoach-2015"]
    assert rijen["interne-jobcoach-2015"][1] == "01-01-2015 tot en met nu (geldt nog)"  # UWV verwijst er nog naar
    assert rijen["protocol-2016"][1] == "01-01-2016 tot en met 30-09-2019"
    assert rijen["protocol-2014"][1] == "10-06-2014 tot en met 31-12-2015 (tot de volgende versie)"
