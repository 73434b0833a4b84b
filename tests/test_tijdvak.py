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
from leidraadsite.inhoud.config import lees_mkdocs_yml

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
    """De pagina's onder de delen in DELEN, op elke diepte van de navigatie (de rekenhulp staat onder 'Aan de slag')."""
    paginas = []

    def loop(items) -> None:
        for item in items:
            if isinstance(item, dict):
                naam, waarde = next(iter(item.items()))
                if naam in DELEN:
                    paginas.extend(paginas_onder(item))
                elif isinstance(waarde, list):
                    loop(waarde)

    loop(config()["nav"])
    return [p for p in paginas if not is_casus_van_nu(p)]


def is_casus_van_nu(bron: str) -> bool:
    """Een casuspagina over een aanvraag onder de regels van nu (kader van soort 'nu'): die beschrijft niet de
    regels van 2011 en krijgt de melding niet (tests/test_casussen_nu.py eist dat)."""
    from jobcoach import bereken, laad_casus, laad_regels

    m = re.search(r"casus\('([a-z0-9-]+)'\)", (ROOT / "docs" / bron).read_text(encoding="utf-8"))
    if not bron.startswith("casussen/") or m is None:
        return False
    regels = laad_regels()
    return not bereken(laad_casus(ROOT / "casussen" / f"{m.group(1)}.yml", regels), regels).historisch


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
        # De melding zelf is kort (issue 22); naam en stand van de leidraad mogen in de rest van het statusblok staan.
        status = re.sub(r"\s+", " ", melding.find_parent(class_="pagina-status").get_text(" "))
        for nodig in (leidraad["editie"], leidraad["protocol"], f"sinds {datum} niet meer"):
            if nodig not in tekst:
                fouten.append(f"{bron}: '{nodig}' ontbreekt in de melding: {tekst}")
        for nodig in (leidraad["naam"], f"{leidraad['stand']} stand"):
            if nodig not in status:
                fouten.append(f"{bron}: '{nodig}' ontbreekt in het statusblok: {status}")
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


# De rekenhulp legt in haar eigen blok uit wat de percentages nu nog betekenen; haar pagina wordt apart herzien.
EIGEN_UITLEG = {"rekenhulp/index.html"}


def test_een_melding_over_het_tijdvak_per_pagina_geen_gestapelde_waarschuwingen(site):
    """Issue 22: één korte melding (het statusblok, of één blok op een pagina zonder statusblok), en waar een regel
    staat hoogstens één regel '**Nu:** …'; geen tweede waarschuwingsblok dat hetzelfde zegt."""
    fout = []
    for pad in sorted(site.rglob("index.html")):
        rel = str(pad.relative_to(site))
        if rel.startswith("printversie/") or rel in EIGEN_UITLEG:
            continue
        artikel = BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser").select_one("article")
        if artikel is None:
            continue
        meldingen = artikel.select(".pagina-status__tijdvak") + [
            blok for blok in artikel.select("div.admonition")
            if re.search(r"niet meer|vervallen|gold in 2011|uit 2011", blok.get_text())]
        if len(meldingen) > 1:
            fout.append(f"{rel}: {len(meldingen)} meldingen")
        tijdvak = artikel.select_one(".pagina-status__tijdvak")
        if tijdvak is not None and len(re.sub(r"\s+", " ", tijdvak.get_text(" ")).split()) > 25:
            fout.append(f"{rel}: de melding over het tijdvak is langer dan 25 woorden")
    assert not fout, "\n".join(fout)


def test_aanvraag_toetsen_zegt_2011_en_niet_meer_hoogstens_twee_keer(site):
    artikel = BeautifulSoup(gebouwd(site, "leidraad/toetsing/index.md").read_text(encoding="utf-8"),
                            "html.parser").select_one("article")
    tekst = re.sub(r"\s+", " ", artikel.get_text(" "))
    assert len(re.findall(r"niet meer", tekst)) <= 2, tekst
