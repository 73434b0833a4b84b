"""De startpagina (de ingang per rol) op een telefoon: alles in beeld, niets afgedekt, tikken werkt."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from leidraadsite.inhoud.rollen import laad_rolkaart

from .hulp import ARTEFACTEN, JS_ANIMATIES_KLAAR, SMAL, meld_fouten

# De startpagina is op een telefoon hooguit drie schermen hoog (issue 16; eerst was ze ~7.500 px). Een scherm is
# hier de hoogte van het venster waarmee alle telefoontests werken (SMAL: 375 × 740 CSS-pixels, een gewone
# Android-telefoon); de kopbalk en de voet van de site tellen mee. Het waren er twee; sinds issue 22 staat de
# routekeuze (vier routes, rekenhulp, sjabloon) boven de vijf rolkaarten. De weg naar rekenhulp en sjabloon meet
# tests/browser/test_weg_naar_rekenhulp.py (tikken en woorden).
MAX_HOOGTE = 3 * SMAL["height"]

MAX_GETIKT = 4  # zoveel links op de startpagina worden echt aangetikt; de linkcontrole doet de rest

JS_LINKS_IN_INHOUD = """() => [...document.querySelectorAll('article a[href]:not(.headerlink)')].map((a, i) => {
  a.dataset.linkNr = String(i);
  return {nr: i, tekst: a.textContent.trim().replace(/\\s+/g, ' '), href: a.href, download: a.hasAttribute('download')};
})"""

# Staat de link helemaal binnen de schermbreedte en is hij niet afgedekt door iets anders (kopbalk, knop)?
JS_BEREIKBAAR = """nr => {
  const a = document.querySelector(`[data-link-nr="${nr}"]`);
  a.scrollIntoView({block: 'center'});
  const r = a.getClientRects()[0];
  if (!r) return {ok: false, reden: 'geen vlak'};
  const x = r.left + Math.min(r.width, 20) / 2, y = r.top + r.height / 2;
  const bovenop = document.elementFromPoint(x, y);
  const binnen = r.left >= 0 && r.right <= window.innerWidth + 1;
  const vrij = bovenop === a || a.contains(bovenop);
  return {ok: binnen && vrij, reden: !binnen ? `buiten beeld (${Math.round(r.left)}–${Math.round(r.right)} px)` :
          !vrij ? `afgedekt door ${bovenop && bovenop.outerHTML.slice(0, 80)}` : ''};
}"""


def test_startpagina_werkt_op_een_telefoon(telefoon, server):
    p = telefoon
    p.goto(server + "/")
    p.wait_for_function(JS_ANIMATIES_KLAAR)
    links = p.evaluate(JS_LINKS_IN_INHOUD)
    eigen = urlparse(server).netloc
    intern = [link for link in links if urlparse(link["href"]).netloc == eigen]
    assert intern, "De startpagina heeft geen links naar pagina's van de site"

    fouten = []
    for link in links:
        uitslag = p.evaluate(JS_BEREIKBAAR, link["nr"])
        if not uitslag["ok"]:
            fouten.append(f"link {link['tekst']!r}: {uitslag['reden']}")
    assert not fouten, meld_fouten("Links op de startpagina die je op 375 px niet goed kunt aantikken", fouten)

    getikt = []
    # Een download (zoals de PDF) opent geen pagina; die tikken we niet aan.
    for link in [link for link in intern if not link["download"]][:MAX_GETIKT]:
        p.goto(server + "/")
        p.wait_for_function(JS_ANIMATIES_KLAAR)
        p.evaluate(JS_LINKS_IN_INHOUD)
        doel = p.locator(f'[data-link-nr="{link["nr"]}"]')
        doel.scroll_into_view_if_needed()
        verwacht = urlparse(link["href"])
        if verwacht.path == urlparse(p.url).path:
            # Een anker op dezelfde pagina (zoals de rolkaarten): geen nieuwe pagina, wel het anker.
            doel.tap()
            p.wait_for_function("f => location.hash === '#' + f", arg=verwacht.fragment)
        else:
            with p.expect_navigation():
                doel.tap()
        nu = urlparse(p.url)
        assert (nu.path, nu.fragment) == (verwacht.path, verwacht.fragment), (
            f"Tikken op {link['tekst']!r} gaat naar {p.url}, niet naar {link['href']}"
        )
        kop = p.locator("article h1").first
        assert kop.is_visible(), f"Na tikken op {link['tekst']!r}: geen zichtbare kop op {p.url}"
        breedte = p.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
        assert breedte[0] <= breedte[1], f"{p.url} scrolt zijwaarts op een telefoon: {breedte[0]} px > {breedte[1]} px"
        getikt.append(f"{link['tekst']} → {nu.path}")
    print("\nAangetikt op de startpagina (375 px): " + "; ".join(getikt))


def test_startpagina_routekeuze_in_het_eerste_scherm_rekenhulp_en_rollen_daarna(telefoon, server):
    """Issue 22: eerst de routekeuze (wat doe ik vandaag), dan de rollen. Eerst (issue 16) stonden de rollen bovenaan."""
    p = telefoon
    p.goto(server + "/")
    p.wait_for_function(JS_ANIMATIES_KLAAR)
    ARTEFACTEN.mkdir(exist_ok=True)
    p.screenshot(path=str(ARTEFACTEN / "startpagina-telefoon-heel.png"), full_page=True)
    hoogte = p.evaluate("() => document.documentElement.scrollHeight")
    assert hoogte <= MAX_HOOGTE, f"de startpagina is op 375 px {hoogte} px hoog; hooguit {MAX_HOOGTE} (drie schermen)"
    scherm = SMAL["height"]
    # De ene korte melding over het tijdvak, met de link naar Wat geldt nu.
    melding = p.locator("article .tijdvak-kort")
    assert melding.is_visible() and "gelden niet meer" in melding.inner_text(), "geen melding over de regels van 2011"
    assert melding.locator("a[href='wat-geldt-nu/']").is_visible(), "de melding linkt niet naar Wat geldt nu"
    assert p.locator("article .admonition").count() == 0, "nog een blok met een waarschuwing op de startpagina"
    # De routekeuze begint in het eerste scherm; rekenhulp en sjabloon staan binnen twee schermen.
    eerste_route = p.locator("article .routekeuze a").first
    assert eerste_route.bounding_box()["y"] + eerste_route.bounding_box()["height"] <= scherm, "routekeuze te laag"
    for href in ("rekenhulp/", "sjablonen/coachingsplan/"):
        link = p.locator(f"article .routekeuze a[href='{href}']").first
        assert link.is_visible(), f"geen zichtbare link naar {href} in de routekeuze"
        onder = p.evaluate("a => a.getBoundingClientRect().bottom + window.scrollY", link.element_handle())
        assert onder <= 2 * scherm, f"{href} staat op {onder:.0f} px; hooguit twee schermen ({2 * scherm})"
    kaart = laad_rolkaart()
    rollen = p.evaluate("""() => [...document.querySelectorAll('article .rolkeuze a')].map(a => {
        const r = a.getBoundingClientRect();
        return {tekst: a.textContent.trim().replace(/\\s+/g, ' '), onder: r.bottom + window.scrollY};
    })""")
    assert [r["tekst"] for r in rollen] == [r.naam for r in kaart.rollen], rollen
    print(f"\nStartpagina op 375 px: {hoogte} px hoog (grens {MAX_HOOGTE}); rollen onderaan op "
          f"{[round(r['onder']) for r in rollen]} px")


def test_elke_rol_leidt_in_een_tik_naar_haar_pagina_met_haar_opdrachten(telefoon, server):
    p = telefoon
    kaart = laad_rolkaart()
    for rol in kaart.rollen:
        p.goto(server + "/")
        p.wait_for_function(JS_ANIMATIES_KLAAR)
        with p.expect_navigation():
            p.locator("article .rolkeuze a", has_text=rol.naam).tap()
        assert urlparse(p.url).path == f"/rollen/{rol.id}/", p.url
        kop = p.locator("article h1")
        assert kop.is_visible() and re.sub(r"\s+", " ", kop.inner_text()).strip().rstrip("¶").strip() == rol.naam, kop.inner_text()
        opdrachten = [re.sub(r"\s+", " ", t).strip().rstrip("¶").strip()
                      for t in p.locator("article h2[id^='opdracht-']").all_inner_texts()]
        assert opdrachten == [o.naam for o in rol.opdrachten], opdrachten
        # De korte inhoud bovenaan springt naar elke opdracht.
        inhoud = p.locator("article .rol-opdrachten a")
        assert inhoud.count() == len(rol.opdrachten), inhoud.count()
        breedte = p.evaluate("() => [document.scrollingElement.scrollWidth, window.innerWidth]")
        assert breedte[0] <= breedte[1], f"{p.url} scrolt zijwaarts: {breedte}"
        if rol.id == "toetser":
            p.screenshot(path=str(ARTEFACTEN / "rolpagina-toetser-telefoon.png"))


def test_casus_begint_met_haar_tekst_in_het_eerste_scherm(telefoon, server):
    """Issue 22: eerst stonden er drie blokken (1,4 scherm) vóór de eerste zin van de casus."""
    telefoon.goto(f"{server}/casussen/begeleidingsbehoefte-en-regime/")
    kop = telefoon.locator("#casus-rapportage")
    zin = kop.locator("xpath=following::p[1]")
    onderkant = zin.evaluate("el => el.getBoundingClientRect().bottom")
    telefoon.screenshot(path=str(ARTEFACTEN / "casus-telefoon.png"), full_page=False)
    assert onderkant <= SMAL["height"], f"de eerste zin van de casus eindigt op {onderkant:.0f} px; het scherm is {SMAL['height']}"
