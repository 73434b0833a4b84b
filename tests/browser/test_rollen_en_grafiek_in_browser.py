"""De startpagina en een Regioplan-grafiek in Chromium: klikken van rol naar pagina, schermafdrukken.

De schermafdrukken komen in ``artefacten/`` (genegeerd door git), om ze na een run te bekijken.
"""

from __future__ import annotations

from urllib.parse import urlparse

from conftest import ROOT

ARTEFACTEN = ROOT / "artefacten"


def _eigen_host(pagina, server) -> None:
    hosts = {urlparse(u).netloc for u in pagina.verzoeken if not u.startswith(("data:", "blob:"))}
    assert hosts == {urlparse(server).netloc}, hosts


def test_van_rol_naar_pagina_in_twee_klikken(pagina, server):
    ARTEFACTEN.mkdir(exist_ok=True)
    pagina.goto(f"{server}/")
    kaart = pagina.locator(".rolkeuze a", has_text="Jobcoach")
    assert kaart.is_visible(), "rolkaart Jobcoach niet zichtbaar"
    pagina.screenshot(path=str(ARTEFACTEN / "startpagina.png"), full_page=False)
    kaart.click()  # klik 1: naar de pagina van de rol
    pagina.wait_for_url("**/rollen/jobcoach/")
    kop = pagina.locator("article h1")
    assert kop.inner_text().startswith("Jobcoach"), kop.inner_text()
    link = pagina.locator("h2#opdracht-verantwoorden ~ ul a", has_text="Logboek van de jobcoach").first
    link.click()  # klik 2
    pagina.wait_for_url("**/leidraad/logboek/")
    assert pagina.locator("h1").inner_text().startswith("Verantwoording door de jobcoach"), pagina.locator("h1").inner_text()
    status = pagina.locator(".pagina-status")
    assert "Jobcoach" in status.inner_text() and "oranje stand" in status.inner_text(), status.inner_text()
    _eigen_host(pagina, server)


def test_startpagina_op_de_telefoon(telefoon, server):
    ARTEFACTEN.mkdir(exist_ok=True)
    telefoon.goto(f"{server}/")
    kaarten = telefoon.locator(".rolkeuze li")
    from leidraadsite.inhoud.rollen import laad_rolkaart

    assert kaarten.count() == len(laad_rolkaart().rollen) == 5
    breedte = telefoon.evaluate("document.documentElement.scrollWidth")
    assert breedte <= 375, f"de startpagina is breder dan het scherm: {breedte}px"
    telefoon.screenshot(path=str(ARTEFACTEN / "startpagina-telefoon.png"), full_page=False)


def test_grafiek_is_zichtbaar_met_tekstalternatief(pagina, server):
    ARTEFACTEN.mkdir(exist_ok=True)
    pagina.goto(f"{server}/achtergrond/jobcoaches-sw-sector/")
    figuur = pagina.locator("figure.regioplan-grafiek", has=pagina.locator("title", has_text="tabel 2.1:"))
    figuur.scroll_into_view_if_needed()
    assert figuur.is_visible()
    svg = figuur.locator("svg")
    naam = svg.evaluate("e => e.getAttribute('aria-labelledby').split(' ').map(i => document.getElementById(i).textContent).join(' ')")
    assert naam.startswith("Grafiek bij tabel 2.1: Werkzaamheden") and "tabel hierboven" in naam, naam
    staaf = svg.locator("rect.regioplan-staaf-1").nth(1)  # de eerste is de legenda
    kleur = staaf.evaluate("e => getComputedStyle(e).fill")
    assert kleur == "rgb(57, 73, 171)", f"de staven hebben niet de kleur uit de CSS: {kleur}"
    box = svg.bounding_box()
    assert box["width"] > 500 and box["height"] > 200, box
    tabel = pagina.locator("table#tabel-2-1")
    assert tabel.is_visible(), "de tabel met dezelfde cijfers staat niet zichtbaar bij de grafiek"
    pagina.locator("table#tabel-2-1").scroll_into_view_if_needed()
    figuur.screenshot(path=str(ARTEFACTEN / "grafiek-tabel-2-1.png"))
    pagina.locator("figure.regioplan-grafiek", has=pagina.locator("title", has_text="tabel 3.2:")).screenshot(
        path=str(ARTEFACTEN / "grafiek-tabel-3-2.png"))
    _eigen_host(pagina, server)


def test_afkorting_toont_betekenis_bij_focus(pagina, server):
    pagina.goto(f"{server}/leidraad/toepassingsgebied/")
    abbr = pagina.locator("article p abbr[tabindex='0']", has_text="UWV").first
    abbr.focus()
    # Material (content.tooltips) toont de title van de <abbr> als tooltip, ook bij toetsenbordfocus.
    tip = pagina.locator("[role=tooltip].md-tooltip2--active")
    tip.wait_for(state="visible", timeout=3000)
    assert tip.inner_text() == "Uitvoeringsinstituut Werknemersverzekeringen", tip.inner_text()
    abbr.blur()
    tip.wait_for(state="hidden", timeout=3000)
