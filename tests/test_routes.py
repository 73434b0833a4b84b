"""De routekeuze (issue 22): welke route, wie vraagt aan, wat hoort erbij, dan rekenhulp en sjabloon.

Op de startpagina en bovenaan Wat geldt nu; elke route noemt haar bron, de datum en hoe zeker het is. Elke
rolpagina begint met hoogstens vijf stappen voor vandaag.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from jobcoach.fouten import Bestandsfout
from leidraadsite.inhoud.rollen import laad_rolkaart
from leidraadsite.inhoud.routes import laad_routes

DOCS = ROOT / "docs"


def _artikel(site: Path, pad: str):
    return BeautifulSoup((site / pad / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")


def _tekst(el) -> str:
    return re.sub(r"\s+", " ", el.get_text(" ")).strip()


def test_de_vier_routes_staan_in_de_gegevens_met_bron_en_zekerheid():
    routes = laad_routes(docs=DOCS)
    assert [r.id for r in routes.routes] == ["uwv-extern", "uwv-intern", "gemeente", "werkbegeleiding"]
    extern = routes.routes[0]
    assert "jobcoachorganisatie" in extern.wie and "jobcoachportaal" in extern.wie, extern.wie
    assert "werkgever" in routes.routes[1].wie.lower(), routes.routes[1].wie
    assert "gemeente" in routes.routes[2].wie, routes.routes[2].wie


@pytest.mark.parametrize("pad", ["", "wat-geldt-nu"])
def test_routekeuze_staat_bovenaan_met_portaal_gemeente_rekenhulp_en_sjabloon(site, pad):
    artikel = _artikel(site, pad)
    keuze = artikel.select_one(".routekeuze")
    assert keuze is not None, f"/{pad}: geen routekeuze"
    tekst = _tekst(keuze)
    for woord in ("jobcoachportaal", "gemeente", "werkgever", "Rekenhulp", "Coachingsplan"):
        assert woord in tekst, f"/{pad}: '{woord}' ontbreekt in de routekeuze: {tekst}"
    hrefs = [a["href"] for a in keuze.find_all("a", href=True)]
    assert any(h.rstrip("/").endswith("rekenhulp") for h in hrefs), hrefs
    assert any("sjablonen/coachingsplan" in h for h in hrefs), hrefs
    # bovenaan: vóór de routekeuze staat hoogstens één alinea tekst (geen waarschuwingen, geen rolkaarten)
    ervoor = [el for el in keuze.find_all_previous(["p", "div", "details", "ul"]) if artikel in el.parents]
    alineas = [el for el in ervoor if el.name == "p" and not el.find_parent(class_="pagina-status")
               and "md-source-file" not in (el.get("class") or [])]
    assert len(alineas) <= 2, f"/{pad}: te veel vóór de routekeuze: {[_tekst(p)[:60] for p in alineas]}"
    assert not artikel.select(".admonition.warning"), f"/{pad}: nog een waarschuwingsblok"


def test_wat_geldt_nu_toont_elke_route_met_bron_datum_en_zekerheid(site):
    artikel = _artikel(site, "wat-geldt-nu")
    for route in laad_routes().routes:
        kop = artikel.find(id=f"route-{route.id}")
        assert kop is not None and kop.name == "h3", route.id
        blok = []
        for el in kop.find_next_siblings():
            if el.name in {"h2", "h3"}:
                break
            blok.append(re.sub(r"\s+", " ", el.get_text()))
        tekst = " ".join(blok)
        assert f"Bron: {route.bron.titel}" in tekst and route.bron.datum in tekst, (route.id, tekst)
        zeker = {"zeker": "Zeker.", "vrij zeker": "Vrij zeker.", "onzeker": "Onzeker."}[route.zekerheid]
        assert zeker in tekst, (route.id, tekst)
    stand = _tekst(artikel.select_one(".routekeuze__stand"))
    assert "Gecontroleerd op 7 december 2026" in stand, stand


def test_tekst_uit_de_routes_wordt_geen_opmaak(tmp_path):
    from leidraadsite.inhoud.routes import routekeuze_markdown

    bron = (ROOT / "src/leidraadsite/data/routes.yml").read_text(encoding="utf-8")
    pad = tmp_path / "routes.yml"
    pad.write_text(bron.replace("naam: Externe jobcoach via UWV", "naam: \"[klik](javascript:x) <b>vet</b>\""),
                   encoding="utf-8")
    md = routekeuze_markdown(laad_routes(pad), "index.md", {})
    # de tekst blijft leesbaar, maar wordt geen link en geen HTML (rollen._md_tekst)
    assert "klik" in md and "vet" in md, md
    assert "[klik](" not in md and "<b>" not in md, md


@pytest.mark.parametrize(("vervang", "melding"), [
    (("sjabloon: sjablonen/logboek.md", "sjabloon: sjablonen/bestaat-niet.md"),
     "routes[4].sjabloon: pagina 'sjablonen/bestaat-niet.md' bestaat niet in docs/"),
    (("zekerheid: onzeker", "zekerheid: misschien"), "routes[4].zekerheid"),
    (("      datum: 16 mei 2024\n", ""), "routes[3].bron.datum"),
])
def test_fout_in_de_routes_noemt_bestand_regel_en_veld(tmp_path, vervang, melding):
    bron = (ROOT / "src/leidraadsite/data/routes.yml").read_text(encoding="utf-8")
    assert vervang[0] in bron, vervang
    pad = tmp_path / "routes.yml"
    pad.write_text(bron.replace(*vervang), encoding="utf-8")
    with pytest.raises(Bestandsfout) as fout:
        laad_routes(pad, docs=DOCS)
    tekst = str(fout.value)
    assert melding in tekst and "routes.yml:" in tekst, tekst
    assert re.search(r"routes\.yml:\d+", tekst), tekst


def test_gemeente_heeft_een_eigen_rol():
    kaart = laad_rolkaart(docs=DOCS)
    rol = kaart.rol("gemeente")
    assert "gemeente" in rol.naam and "klantmanager" in rol.naam, rol.naam


def test_elke_rolpagina_begint_met_hoogstens_vijf_stappen_voor_vandaag(site):
    kaart = laad_rolkaart()
    for rol in kaart.rollen:
        artikel = _artikel(site, f"rollen/{rol.id}")
        h1 = artikel.find("h1")
        eerste = h1.find_next_sibling()
        while eerste is not None and "pagina-status" in (eerste.get("class") or []):
            eerste = eerste.find_next_sibling()
        assert eerste is not None and "rol-vandaag" in (eerste.get("class") or []), (rol.id, str(eerste)[:200])
        assert "Wat u vandaag doet" in _tekst(eerste), rol.id
        stappen = eerste.select("ol > li")
        assert 1 <= len(stappen) <= 5, (rol.id, len(stappen))
        assert all(li.find("a", href=True) for li in stappen), rol.id


@pytest.mark.parametrize("aantal", [5, 6])
def test_meer_dan_vijf_stappen_voor_vandaag_is_een_fout(tmp_path, aantal):
    bron = (ROOT / "src/leidraadsite/data/rollen.yml").read_text(encoding="utf-8")
    # de rol gemeente heeft er vijf; voeg er zoveel toe dat ze er 'aantal' heeft
    stap = "      - doe: \"Nog een stap:\"\n        pagina: rekenhulp.md\n"
    anker = "    vandaag:\n      - doe: \"Lees wat nu geldt voor de gemeente"
    assert anker in bron
    pad = tmp_path / "rollen.yml"
    pad.write_text(bron.replace(anker, "    vandaag:\n" + stap * (aantal - 5) + anker.split("\n", 1)[1]),
                   encoding="utf-8")
    if aantal <= 5:
        assert len(laad_rolkaart(pad).rol("gemeente").vandaag) == 5
        return
    with pytest.raises(Bestandsfout) as fout:
        laad_rolkaart(pad)
    assert "vandaag" in str(fout.value) and re.search(r"rollen\.yml:\d+", str(fout.value)), str(fout.value)
