"""Navigatie en ankers: elke pagina staat in de nav, geen weespagina's, vaste ankers op leidraadpagina's."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT
from leidraadsite.inhoud.config import lees_mkdocs_yml

DOCS = ROOT / "docs"
# Pagina's van deze opdracht met vaste ankers op elke kop (de casuspagina's van de spine hebben ze ook).
ANKERPAGINAS = sorted([
    *(DOCS / "leidraad").rglob("*.md"), *(DOCS / "achtergrond").glob("*.md"),
    DOCS / "toetsingsadvies.md", DOCS / "verantwoording.md", DOCS / "over.md", DOCS / "index.md",
    DOCS / "casussen/kennis-en-leervragen.md", DOCS / "casussen/begeleidingsbehoefte-en-regime.md",
])


def nav_paginas() -> list[str]:
    config = lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    paginas: list[str] = []

    def loop(items) -> None:
        for item in items:
            if isinstance(item, str):
                paginas.append(item)
            elif isinstance(item, dict):
                for waarde in item.values():
                    loop(waarde) if isinstance(waarde, list) else paginas.append(waarde)

    loop(config["nav"])
    return [p for p in paginas if p.endswith(".md")]


def niet_in_nav() -> list[str]:
    """De pagina's onder docs/ die ``not_in_nav`` in mkdocs.yml bewust buiten het menu houdt (de rolpagina's)."""
    import pathspec

    config = lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    spec = pathspec.GitIgnoreSpec.from_lines(str(config.get("not_in_nav") or "").splitlines())
    return sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md") if spec.match_file(str(p.relative_to(DOCS))))


def url_van(pagina: str) -> str:
    pad = pagina.removesuffix(".md")
    return pad.removesuffix("index") if pad.endswith("index") else pad + "/"


def test_elke_pagina_staat_precies_een_keer_in_de_nav():
    nav = nav_paginas()
    dubbel = sorted({p for p in nav if nav.count(p) > 1})
    assert not dubbel, f"dubbel in de nav: {dubbel}"
    bestanden = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    buiten = set(niet_in_nav())
    assert buiten & set(nav) == set(), f"in de nav én in not_in_nav: {sorted(buiten & set(nav))}"
    wees = bestanden - set(nav) - buiten
    assert wees == set(), f"niet in de nav (weespagina's): {sorted(wees)}"
    assert set(nav) - bestanden == set(), f"in de nav maar niet in docs/: {sorted(set(nav) - bestanden)}"


def test_paginas_buiten_het_menu_zijn_de_rolpaginas_en_de_startpagina_linkt_erheen(site):
    """not_in_nav is alleen voor de rolpagina's; elke rolpagina is met één tik te bereiken vanaf de startpagina."""
    from leidraadsite.inhoud.rollen import laad_rolkaart

    buiten = niet_in_nav()
    assert buiten == sorted(f"rollen/{r}.md" for r in laad_rolkaart().rol_ids), buiten
    start = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")
    links = {a["href"] for a in start.find_all("a", href=True)}
    for pagina in buiten:
        assert url_van(pagina) in links, f"{pagina} staat niet in het menu en de startpagina linkt er niet heen"


def test_sitemap_bevat_precies_de_paginas_uit_de_nav(site):
    config = lees_mkdocs_yml((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    basis = config["site_url"]
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = {e.text for e in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", ns)}
    verwacht = {basis + url_van(p) for p in nav_paginas() + niet_in_nav()}
    assert locs == verwacht, f"alleen in sitemap: {sorted(locs - verwacht)}; alleen in nav: {sorted(verwacht - locs)}"


def test_weespagina_laat_de_strenge_bouw_falen(waarschuwingsbouw):
    # conftest.Waarschuwingsbouw, fout 1: docs/wees.md staat niet in de nav.
    resultaat = waarschuwingsbouw.bouw
    uitvoer = resultaat.stdout + resultaat.stderr
    assert resultaat.returncode != 0, uitvoer
    assert "wees.md" in uitvoer, uitvoer


KOP = re.compile(r"^(#{2,6}) (.+?)\s*$")


def koppen(pad: Path) -> list[tuple[str, str | None]]:
    """(koptekst, anker) van elke kop van niveau 2 tot 6 buiten codeblokken."""
    uit, in_code = [], False
    for regel in pad.read_text(encoding="utf-8").splitlines():
        if regel.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        m = KOP.match(regel)
        if m and not in_code:
            anker = re.search(r"\{ #([a-z0-9-]+) \}$", m.group(2))
            uit.append((m.group(2), anker.group(1) if anker else None))
    return uit


def test_elke_kop_heeft_een_vast_anker_zonder_jinja_valkuil():
    for pad in ANKERPAGINAS:
        tekst = pad.read_text(encoding="utf-8")
        assert "{#" not in tekst, f"{pad.relative_to(ROOT)}: '{{#' begint een Jinja-commentaar; schrijf '{{ #id }}'"
        lijst = koppen(pad)
        zonder = [k for k, a in lijst if a is None]
        assert not zonder, f"{pad.relative_to(ROOT)}: koppen zonder vast anker {{ #id }}: {zonder}"
        ankers = [a for _, a in lijst]
        assert len(ankers) == len(set(ankers)), f"{pad.relative_to(ROOT)}: dubbel anker"


def test_vaste_ankers_staan_in_de_gebouwde_paginas(site):
    for pad in ANKERPAGINAS:
        rel = str(pad.relative_to(DOCS))
        html = BeautifulSoup((site / url_van(rel) / "index.html").read_text(encoding="utf-8"), "html.parser")
        for _kop, anker in koppen(pad):
            el = html.find(id=anker)
            assert el is not None and el.name in {"h2", "h3", "h4", "h5", "h6"}, f"{rel}: anker #{anker} ontbreekt"


def test_menu_volgt_het_gebruik_eerst_wat_geldt_nu_rekenhulp_en_sjablonen():
    """Issue 22: wat een professional vandaag doet, staat vóór de leidraad, de achtergrond en de onderhoudspagina's."""
    nav = nav_paginas()
    eerst = [nav.index(p) for p in ("wat-geldt-nu.md", "rekenhulp.md", "sjablonen/index.md")]
    assert eerst == sorted(eerst), f"volgorde in het menu: {eerst}"
    for later in ("leidraad/index.md", "achtergrond/kwaliteit-jobcoaching.md", "over.md", "onderhoud.md"):
        assert max(eerst) < nav.index(later), f"{later} staat vóór wat-geldt-nu, rekenhulp of sjablonen"
    assert nav.index("rekenhulp.md") <= 3, f"de rekenhulp is item {nav.index('rekenhulp.md') + 1} van het menu"


def test_pagina_buiten_de_pdf_staat_als_laatste_in_haar_sectie(tmp_path):
    """print-site nummert naar de plaats in de nav, ook van uitgesloten pagina's: alleen als laatste geeft dat geen gat."""
    from leidraadsite.inhoud.config import lees_editie

    assert not _gaten(lees_editie(ROOT / "mkdocs.yml"))
    # zo zou het fout gaan: de rekenhulp als eigen hoofdstuk vóór de sjablonen
    tekst = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    oud = "      - Rekenhulp: rekenhulp.md\n  - Sjablonen:"
    assert oud in tekst
    (tmp_path / "mkdocs.yml").write_text(tekst.replace(oud, "  - Rekenhulp: rekenhulp.md\n  - Sjablonen:"),
                                         encoding="utf-8")
    fouten = _gaten(lees_editie(tmp_path / "mkdocs.yml"))
    assert fouten and all(f.startswith("nav: rekenhulp.md staat niet in de PDF maar vóór") for f in fouten), fouten


def _gaten(editie) -> list[str]:
    def loop(items, pad: str) -> list[str]:
        fout, gezien_uitgesloten = [], None
        for item in items:
            waarde = item if isinstance(item, str) else next(iter(item.values()))
            if isinstance(waarde, list):
                fout += loop(waarde, pad + "/" + next(iter(item)))
                in_pdf = any(isinstance(w, str) and not editie.uitgesloten(w) for w in _bladeren(waarde))
            else:
                in_pdf = not editie.uitgesloten(waarde)
            if in_pdf and gezien_uitgesloten:
                fout.append(f"{pad}: {gezien_uitgesloten} staat niet in de PDF maar vóór {waarde}")
            if not in_pdf:
                gezien_uitgesloten = gezien_uitgesloten or waarde
        return fout

    return loop(editie.nav, "nav")


def _bladeren(items) -> list[str]:
    uit = []
    for item in items:
        waarde = item if isinstance(item, str) else next(iter(item.values()))
        uit += _bladeren(waarde) if isinstance(waarde, list) else [waarde]
    return uit
