"""Wegwijzers op de gebouwde site: de rekenhulp staat waar een gebruiker hem nodig heeft.

De rekenhulp is niet alleen het laatste menu-item: de startpagina, de opdrachten van aanvrager, toetser
en jobcoach, de pagina Coachingsplan en de casus linken er in hun tekst naartoe (issue 16).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

REKENHULP = "/rekenhulp/"
# (gebouwde pagina, waarom de gebruiker daar de rekenhulp nodig heeft)
PAGINAS = [
    ("/", "de startpagina: meteen aan de slag"),
    ("/rollen/adviseur/", "de aanvrager stelt de urenonderbouwing op"),
    ("/rollen/toetser/", "de toetser rekent een aanvraag na"),
    ("/rollen/jobcoach/", "de jobcoach rekent de uren voor het coachingsplan"),
    ("/leidraad/opstellen/coachingsplan/", "de pagina over de urenonderbouwing"),
    ("/casussen/begeleidingsbehoefte-en-regime/", "de casus met de urenberekening"),
]


def links_in_tekst(site: Path, url: str) -> list[str]:
    """De doelen (als pad vanaf de wortel) van de links in de tekst van een pagina; menu en voet tellen niet."""
    html = (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
    artikel = BeautifulSoup(html, "html.parser").select_one("article.md-content__inner")
    assert artikel is not None, f"{url}: geen artikel"
    for weg in artikel.select("aside.pagina-voet, .pdf-link"):
        weg.decompose()
    return [urljoin(url, a["href"]).split("#")[0] for a in artikel.find_all("a", href=True)]


@pytest.mark.parametrize(("url", "waarom"), PAGINAS, ids=[p[0] for p in PAGINAS])
def test_pagina_linkt_in_de_tekst_naar_de_rekenhulp(site, url, waarom):
    assert REKENHULP in links_in_tekst(site, url), f"{url} ({waarom}) linkt in de tekst niet naar de rekenhulp"
    assert (site / REKENHULP.strip("/") / "index.html").is_file(), "de rekenhulp is niet gebouwd"
