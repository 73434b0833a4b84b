"""Issue 22: de ¶-links bij de koppen en het blok "Verwijzen naar deze pagina".

De ¶-links zijn geen tabstop en worden niet voorgelezen (waarom: src/leidraadsite/weergave/ankers.py); hetzelfde adres
staat met de koptekst als naam in de inhoudsopgave van de pagina. Onderaan elke pagina staat één regel met titel,
editie, datum en volledig adres, om in een rapport te plakken.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT
from leidraadsite.inhoud.config import lees_editie, lees_mkdocs_yml

CONFIG = lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
MAANDEN = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"]


def _paginas(site: Path) -> list[Path]:
    return [p for p in sorted(site.rglob("index.html")) if p.relative_to(site).parts[0] not in ("printversie",)]


def test_ankers_bij_koppen_zijn_geen_tabstop_en_staan_met_naam_in_de_inhoudsopgave(site):
    totaal, fout = 0, []
    for pad in _paginas(site):
        soep = BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser")
        artikel = soep.select_one("article")
        if artikel is None:
            continue
        inhoud = {a["href"]: a.get_text(" ", strip=True) for a in soep.select("nav.md-nav--secondary a[href^='#']")}
        for link in artikel.select("a.headerlink"):
            totaal += 1
            if link.get("tabindex") != "-1" or link.get("aria-hidden") != "true":
                fout.append(f"{pad.relative_to(site)}: {link['href']} is nog een tabstop of wordt voorgelezen")
            kop = link.find_parent(re.compile(r"^h[2-3]$"))
            if kop is not None and soep.select_one("nav.md-nav--secondary") is not None and link["href"] not in inhoud:
                fout.append(f"{pad.relative_to(site)}: {link['href']} staat niet in de inhoudsopgave")
    assert totaal > 300, f"maar {totaal} ankers bij koppen"
    assert not fout, "\n".join(fout[:20])


def test_verwijzen_naar_deze_pagina_noemt_titel_editie_datum_en_adres(site):
    editie = lees_editie(ROOT / "mkdocs.yml")
    datum = f"{editie.datum.day} {MAANDEN[editie.datum.month - 1]} {editie.datum.year}"
    for pad, titel in (("leidraad/opstellen/matching/index.html", "Matching"), ("index.html", "Start"),
                       ("rekenhulp/index.html", "Rekenhulp")):
        soep = BeautifulSoup((site / pad).read_text(encoding="utf-8"), "html.parser")
        regel = soep.select_one(".pagina-voet .pagina-voet__verwijzing")
        assert regel is not None, f"{pad}: geen blok 'Verwijzen naar deze pagina'"
        tekst = re.sub(r"\s+", " ", regel.get_text(" ")).strip()
        adres = CONFIG["site_url"] + pad.removesuffix("index.html")
        verwacht = f"{CONFIG['site_name']}, ‘{titel}’. Editie {editie.editie}, {datum}. {adres}"
        assert tekst.startswith(verwacht), f"{pad}: {tekst!r} != {verwacht!r}"
