"""Elke pagina zegt over welk tijdvak ze gaat: de leidraad is van 2011, het Protocol Jobcoach geldt niet meer.

De pagina's die de melding moeten hebben, komen uit de navigatie in mkdocs.yml (de delen Leidraad en
Casussen, en de Rekenhulp), niet uit de voorkant van de pagina's: zo valt ook een nieuwe pagina eronder
die haar voorkant vergeet. De datum en de linkdoel komen uit ``extra.leidraad`` in mkdocs.yml.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path, PurePosixPath

from bs4 import BeautifulSoup

from conftest import ROOT
from leidraadsite.config import lees_mkdocs_yml

MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"]
# Delen van de navigatie waarvan elke pagina de melding heeft.
DELEN = ("Leidraad", "Casussen", "Rekenhulp")


def config() -> dict:
    return lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def paginas_onder(item) -> list[str]:
    if isinstance(item, str):
        return [item] if item.endswith(".md") else []
    if isinstance(item, list):
        return [p for i in item for p in paginas_onder(i)]
    if isinstance(item, dict):
        return [p for v in item.values() for p in paginas_onder(v)]
    return []


def paginas_met_tijdvak() -> list[str]:
    paginas = []
    for item in config()["nav"]:
        if isinstance(item, dict) and next(iter(item)) in DELEN:
            paginas += paginas_onder(item)
    return paginas


def gebouwd(site: Path, bron: str) -> Path:
    pad = PurePosixPath(bron)
    return site / (pad.parent if pad.stem == "index" else pad.parent / pad.stem) / "index.html"


def test_de_navigatie_levert_leidraad_casus_en_rekenhulp():
    paginas = paginas_met_tijdvak()
    assert "leidraad/doel.md" in paginas and "casussen/begeleidingsbehoefte-en-regime.md" in paginas, paginas
    assert "rekenhulp.md" in paginas and len(paginas) > 25, paginas


def test_elke_leidraad_casus_en_rekenpagina_meldt_het_tijdvak_met_link_naar_wat_geldt_nu(site):
    leidraad = config()["extra"]["leidraad"]
    vervallen = dt.date.fromisoformat(str(leidraad["protocol_vervallen"]))
    datum = f"{vervallen.day} {MAANDEN[vervallen.month - 1]} {vervallen.year}"
    nu = gebouwd(site, leidraad["nu"]).resolve()
    fouten = []
    for bron in paginas_met_tijdvak():
        html_pad = gebouwd(site, bron)
        artikel = BeautifulSoup(html_pad.read_text(encoding="utf-8"), "html.parser").select_one("article")
        melding = artikel.select_one(".pagina-status .pagina-status__tijdvak")
        if melding is None:
            fouten.append(f"{bron}: geen melding over het tijdvak")
            continue
        direct_na_titel = artikel.find("h1").find_next_sibling()
        if direct_na_titel is None or melding not in direct_na_titel.find_all(class_="pagina-status__tijdvak"):
            fouten.append(f"{bron}: de melding staat niet direct onder de titel")
        tekst = re.sub(r"\s+", " ", melding.get_text(" ")).strip()
        for nodig in (f"{leidraad['naam']} van {leidraad['editie']}", f"{leidraad['stand']} stand",
                      f"{leidraad['protocol']}", f"sinds {datum} niet meer"):
            if nodig not in tekst:
                fouten.append(f"{bron}: '{nodig}' ontbreekt in de melding: {tekst}")
        links = [(html_pad.parent / a["href"].split("#")[0]).resolve() / "index.html" for a in melding.find_all("a")]
        if nu not in links:
            fouten.append(f"{bron}: de melding linkt niet naar {leidraad['nu']}")
    assert not fouten, "\n".join(fouten)


def test_geen_pagina_zegt_nog_laatst_beoordeeld(site):
    """'Laatst beoordeeld' kon lezen alsof de regels van 2011 in dat jaar nog zijn goedgekeurd."""
    gevonden = [str(p.relative_to(site)) for p in site.rglob("*.html")
                if "Laatst beoordeeld" in p.read_text(encoding="utf-8")]
    assert not gevonden, gevonden


def test_wat_geldt_nu_zelf_en_de_startpagina_krijgen_geen_melding(site):
    for bron in ("wat-geldt-nu.md", "index.md"):
        artikel = BeautifulSoup(gebouwd(site, bron).read_text(encoding="utf-8"), "html.parser").select_one("article")
        assert artikel.select_one(".pagina-status__tijdvak") is None, bron


def test_de_dag_waarop_het_protocol_verviel_is_nergens_met_de_hand_getypt():
    """De dag komt uit de regels ({{ einde_protocollen() | datum_lang }} op een pagina, @einde_protocollen@ in een
    sjabloon); verandert hij in regels.yml, dan verandert hij overal. Alleen de bronvermelding in de voorkant mag hem
    noemen (daar staat wat de bron zegt)."""
    from jobcoach.regels import laad_regels

    einde = laad_regels().einde_protocollen()
    maanden = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
               "november", "december"]
    getypt = re.compile(rf"\b{einde.day}\s+{maanden[einde.month - 1]}\s+{einde.year}\b")
    bestanden = sorted((ROOT / "docs").rglob("*.md")) + sorted((ROOT / "src/leidraadsite/data/sjablonen").glob("*.md"))
    fout = []
    for pad in bestanden:
        tekst = re.sub(r"\A---\n.*?\n---\n", "", pad.read_text(encoding="utf-8"), flags=re.S)
        for m in getypt.finditer(tekst):
            fout.append(f"{pad.relative_to(ROOT)}: regel {tekst[:m.start()].count(chr(10)) + 1}")
    assert not fout, "met de hand getypt (gebruik einde_protocollen()):\n" + "\n".join(fout)
