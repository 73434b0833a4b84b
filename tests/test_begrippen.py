"""Begrippen en afkortingen: elke afkorting op de site staat in de lijst en toont haar betekenis."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from bs4 import BeautifulSoup

from leidraadsite.begrippen import laad_begrippen

BEGRIPPEN = laad_begrippen()
AFKORTINGEN = BEGRIPPEN.afkortingen()


@functools.lru_cache(maxsize=2)
def artikelen(site: Path) -> tuple:
    """(pad, artikel) van elke gebouwde pagina; één keer gelezen per testrun."""
    uit = []
    for pad in sorted(site.rglob("*.html")):
        # 404 en de printversie (een samenvoeging van alle pagina's, met een voorblad uit een sjabloon)
        # tellen niet als eigen pagina; hun inhoud wordt op de echte pagina's gecontroleerd.
        if pad.name == "404.html" or pad.relative_to(site).parts[0] == "printversie":
            continue
        artikel = BeautifulSoup(pad.read_text(encoding="utf-8"), "html.parser").select_one("article.md-content__inner")
        if artikel is not None:
            uit.append((pad.relative_to(site), artikel))
    return tuple(uit)


def lopende_tekst(artikel) -> str:
    kopie = BeautifulSoup(str(artikel), "html.parser")  # kopie: het gedeelde artikel blijft heel
    # Code en letterlijk geciteerde brontekst (met de schrijfwijze van de bron) tellen niet mee.
    for weg in kopie.select("pre, code, svg, a.headerlink, a.md-content__button, .letterlijk"):
        weg.decompose()
    return kopie.get_text(" ")


def kandidaten(tekst: str) -> set[str]:
    """Woorden(delen) met twee of meer hoofdletters (zoals UWV, NVvA, RI&E); codes met cijfers niet."""
    gevonden = set()
    for woord in re.findall(r"[\wÀ-ÿ&]+(?:[-/'][\wÀ-ÿ&]+)*", tekst):
        if woord in AFKORTINGEN or any(c.isdigit() for c in woord):
            continue
        for deel in re.split(r"[-/']", woord):
            if sum(c.isupper() for c in deel) >= 2:
                gevonden.add(deel)
    return gevonden


def bekend(woord: str) -> bool:
    if woord in AFKORTINGEN:
        return True
    # onderdelen van een afkorting met streepje of spatie (CG-Raad, CC BY 4.0, EUPL-1.2)
    onderdelen = {d for a in AFKORTINGEN for d in re.split(r"[- ]", a)}
    termen = {w for b in BEGRIPPEN.begrippen for w in b.term.split()}  # eigennamen in een term (JavaScript)
    if woord in onderdelen or woord in termen:
        return True
    # een woord dat bestaat uit een bekende afkorting plus een woorddeel (SMART-doelen)
    return any(woord.startswith(a + "-") for a in AFKORTINGEN)


def test_elke_afkorting_op_de_site_staat_in_de_begrippenlijst(site):
    onbekend: dict[str, set[str]] = {}
    for pad, artikel in artikelen(site):
        for woord in kandidaten(lopende_tekst(artikel)):
            if not bekend(woord):
                onbekend.setdefault(woord, set()).add(str(pad))
    assert not onbekend, "afkortingen zonder uitleg (zet ze in src/leidraadsite/data/begrippen.yml):\n" + "\n".join(
        f"- {w}: {', '.join(sorted(p)[:3])}" for w, p in sorted(onbekend.items()))


def test_afkortingen_tonen_hun_betekenis_op_elke_pagina(site):
    gecontroleerd = 0
    for pad, artikel in artikelen(site):
        abbrs = artikel.find_all("abbr")
        for abbr in abbrs:
            assert abbr.get("title") == AFKORTINGEN[abbr.get_text()], (str(pad), abbr)
        # Elke afkorting die in gewone tekst (Markdown) staat, is een <abbr>.
        for p in artikel.select("p, li, h1, h2, h3, dd"):
            if p.find_parent(["table", "aside", "figure"]) or p.find_parent(class_="regioplan-onder"):
                continue
            tekst_zonder_abbr = "".join(t for t in p.find_all(string=True, recursive=True)
                                        if t.parent.name not in ("abbr", "code"))
            for afk in ("UWV", "AD", "FML", "SFB", "NVvA", "AKC", "Wajong", "WIA", "Wsw"):
                assert not re.search(rf"\b{re.escape(afk)}\b", tekst_zonder_abbr), (
                    f"{pad}: '{afk}' staat zonder <abbr> in: {p.get_text()[:120]}")
        # Elke afkorting is met het toetsenbord te bereiken: de eerste buiten een link heeft tabindex.
        buiten_link = [a for a in abbrs if not a.find_parent("a")]
        for tekst in {a.get_text() for a in buiten_link}:
            eerste = next(a for a in buiten_link if a.get_text() == tekst)
            assert eerste.get("tabindex") == "0", (str(pad), tekst)
        assert all(a.get("tabindex") is None for a in abbrs if a.find_parent("a")), f"{pad}: tabstop binnen een link"
        gecontroleerd += bool(abbrs)
    assert gecontroleerd > 25, f"maar {gecontroleerd} pagina's met afkortingen"


def test_begrippenpagina_noemt_elk_begrip_met_een_vast_anker(site):
    pagina = BeautifulSoup((site / "begrippen/index.html").read_text(encoding="utf-8"), "html.parser")
    termen = pagina.select("article dl dt")
    assert len(termen) == len(BEGRIPPEN.begrippen), f"{len(termen)} termen op de pagina"
    for begrip in BEGRIPPEN.begrippen:
        anker = pagina.find(id=begrip.anker)
        assert anker is not None, f"geen anker {begrip.anker}"
        assert begrip.term in anker.find_parent("dt").get_text(), begrip.term
    namen = [re.sub(r"\s+", " ", dt.get_text(" ")).strip().lower() for dt in termen]
    assert namen == sorted(namen, key=lambda n: re.sub(r"[^a-z0-9 ]", "", n.replace("ë", "e").replace("é", "e"))), \
        "de lijst staat niet op alfabet"
