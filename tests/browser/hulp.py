"""Hulpmiddelen voor de browsertests: pagina's uit de sitemap, axe-core, artefacten.

De tests kennen geen vaste lijst pagina's: ze lezen de gebouwde ``sitemap.xml`` en zetten de host om
naar de eigen server op 127.0.0.1. Zo worden nieuwe pagina's vanzelf meegetest.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

from axe_playwright_python.base import AXE_SCRIPT
from bs4 import BeautifulSoup

from leidraadsite.inhoud.config import lees_mkdocs_yml

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTEN = ROOT / "artefacten"

# De normen waarop axe-core toetst: WCAG 2.0 en 2.1, niveau A en AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIES = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
AXE_JS = AXE_SCRIPT
AXE_VERSIE = re.search(r"axe v([\d.]+)", AXE_SCRIPT[:200]).group(1)  # type: ignore[union-attr]

# Pagina's die niet in de sitemap staan maar wel bezoekers krijgen.
EXTRA_PADEN = ["/404.html"]

SMAL = {"width": 375, "height": 740}
BREED = {"width": 1280, "height": 900}

# Overgangen en animaties zonder duur: de eindtoestand is dezelfde, maar is er meteen. Zo hoeft een test na
# een Tab of na het smaller maken van het venster niet te wachten tot iets is uitgevaagd of ingeschoven.
CSS_ZONDER_OVERGANGEN = (
    "*, *::before, *::after { transition-duration: 0s !important; transition-delay: 0s !important;"
    " animation-duration: 0s !important; animation-delay: 0s !important; }"
)

# Wacht tot animaties (uitschuiven, vervagen) klaar zijn: anders meet axe kleuren halverwege een overgang.
JS_ANIMATIES_KLAAR = "() => document.getAnimations().every(a => a.playState !== 'running')"


def site_url() -> str:
    config = lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return config.get("site_url") or "/"


def sitemap_paden(site: Path) -> list[str]:
    """De paden (beginnend met /) van alle pagina's in de gebouwde sitemap, in volgorde."""
    kaart = site / "sitemap.xml"
    assert kaart.is_file(), f"De gebouwde site heeft geen sitemap.xml in {site}"
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text.strip() for loc in ET.parse(kaart).getroot().findall("s:url/s:loc", ns) if loc.text]
    assert locs, "sitemap.xml noemt geen enkele pagina"
    voorvoegsel = urlparse(site_url()).path or "/"
    paden = []
    for loc in locs:
        pad = urlparse(loc).path
        assert pad.startswith(voorvoegsel), f"Pagina {loc} in sitemap.xml valt buiten site_url {site_url()}"
        pad = "/" + pad[len(voorvoegsel):]
        bestand = site / pad.lstrip("/") / "index.html" if pad.endswith("/") else site / pad.lstrip("/")
        assert bestand.is_file(), f"sitemap.xml noemt {loc}, maar {bestand} bestaat niet"
        paden.append(pad)
    return paden


def alle_paden(site: Path) -> list[str]:
    """Sitemap plus de 404-pagina."""
    return sitemap_paden(site) + [p for p in EXTRA_PADEN if (site / p.lstrip("/")).is_file()]


# Soorten inhoud die de opmaak (375 px, afdruk) of axe-core anders raken. Een pagina hoort bij een soort door haar
# onderdeel (eerste deel van het pad: start, leidraad, casussen, sjablonen, …; de ingang van een onderdeel apart van
# de pagina's eronder) en de soorten inhoud in haar artikel.
INHOUDSOORTEN = {
    "formulier": "input, select, textarea, .rekenhulp",
    "uitklapblok": "details",
    "kader": ".admonition",
    "code": "pre",
    "afbeelding": "img, figure",
    "regioplan-tabel": ".regioplan table",
    "sjabloon-tabel": ".sjabloon-voorbeeld table",
}
BREDE_TABEL = 5  # kolommen
# Pagina's die een test bij naam meet (test_tabellen.py: hun brede tabellen op 375 px en op papier).
ALTIJD_VOLLEDIG = ["/casussen/begeleidingsbehoefte-en-regime/", "/leidraad/uitgangspunten/protocol-jobcoach/"]


def paginasoort(site: Path, pad: str) -> tuple[str, tuple[str, ...]]:
    """(onderdeel, soorten inhoud) van één gebouwde pagina."""
    bestand = site / pad.lstrip("/") / "index.html" if pad.endswith("/") else site / pad.lstrip("/")
    artikel = BeautifulSoup(bestand.read_text(encoding="utf-8"), "html.parser").select_one("article")
    delen = [d for d in pad.strip("/").split("/") if d]
    onderdeel = (delen[0] if delen else "start") + ("/…" if len(delen) > 1 else "")
    if artikel is None:
        return onderdeel, ()
    soorten = {naam for naam, css in INHOUDSOORTEN.items() if artikel.select_one(css)}
    for tabel in artikel.find_all("table"):
        kolommen = max((len(r.find_all(["td", "th"])) for r in tabel.find_all("tr")), default=0)
        soorten.add("brede tabel" if kolommen >= BREDE_TABEL else "tabel")
    return onderdeel, tuple(sorted(soorten))


def paginasoorten(site: Path, paden: list[str]) -> dict[tuple[str, tuple[str, ...]], list[str]]:
    """Elke soort pagina met haar pagina's, in de volgorde van ``paden``."""
    uit: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for pad in paden:
        uit.setdefault(paginasoort(site, pad), []).append(pad)
    return uit


def voorbeeldpaginas(site: Path, paden: list[str]) -> list[str]:
    """De eerste pagina van elke soort plus de hoofdpagina's, in de volgorde van ``paden``: daarop draaien axe-core,
    de metingen op 375 px en op papier, en het toetsenbordrondje (issue 23: één keer per sjabloon en per soort
    inhoud, niet alle pagina's drie keer)."""
    gekozen = {pagina[0] for pagina in paginasoorten(site, paden).values()} | set(hoofdpaginas(site)) | set(ALTIJD_VOLLEDIG)
    return [pad for pad in paden if pad in gekozen]


def hoofdpaginas(site: Path) -> list[str]:
    """De startpagina en de eerste pagina van elk onderdeel in het hoofdmenu (voor schermafdrukken)."""
    soep = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    menu = soep.select_one("nav.md-nav--primary > ul.md-nav__list")
    assert menu is not None, "Geen hoofdmenu (nav.md-nav--primary) op de startpagina"
    paden = ["/"]
    for item in menu.find_all("li", recursive=False):
        link = item.select_one("a.md-nav__link[href]")
        if link is None:
            continue
        pad = urlparse(urljoin("http://site/", link["href"])).path
        if pad not in paden:
            paden.append(pad)
    return paden


def naam_voor_bestand(pad: str) -> str:
    naam = pad.strip("/").replace("/", "__").replace(".html", "")
    return naam or "start"


@dataclass
class AxeFout:
    """Eén overtreding van één regel op één element."""

    pagina: str
    regel: str
    impact: str
    element: str
    uitleg: str
    hulp: str

    def regelnaam(self) -> str:
        return f"{self.pagina}  [{self.regel}, {self.impact}]  {self.element}\n      {self.uitleg}\n      {self.hulp}"


def axe_fouten(pagina: str, resultaat: dict) -> list[AxeFout]:
    fouten = []
    for v in resultaat["violations"]:
        for knoop in v["nodes"]:
            berichten = [c["message"] for soort in ("any", "all", "none") for c in knoop.get(soort, [])]
            fouten.append(
                AxeFout(
                    pagina=pagina,
                    regel=v["id"],
                    impact=v.get("impact") or "",
                    element=" > ".join(str(t) for t in knoop["target"]),
                    uitleg="; ".join(berichten)[:300],
                    hulp=v.get("helpUrl", ""),
                )
            )
    return fouten


def meld_fouten(kop: str, fouten: list) -> str:
    regels = [f"{kop}: {len(fouten)}"]
    regels += [f"  - {f.regelnaam() if hasattr(f, 'regelnaam') else f}" for f in fouten]
    return "\n".join(regels)


@dataclass
class Bezoek:
    """Wat één bezoek aan één pagina opleverde."""

    pad: str
    verzoeken: list[str] = field(default_factory=list)
    axe: list[AxeFout] = field(default_factory=list)
    metingen: dict = field(default_factory=dict)
    smal: dict | None = None  # opmaak op 375 px, gemeten in hetzelfde tabblad (alleen in de desktoprondgang)
    afdruk: dict | None = None  # wat er bij afdrukken te zien is (media print, 665 px; alleen in de desktoprondgang)
    volledig: bool = True  # axe-core, 375 px en afdruk gemeten (een voorbeeldpagina); anders alleen geladen en gemeten op 1280 px
