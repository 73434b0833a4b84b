"""De weg van een arbeidsdeskundige buiten UWV (issue 22): van de startpagina naar de rekenhulp en het sjabloon.

Gemeten in Chromium op 375 en 1280 px: hoeveel tikken, en hoeveel woorden de lezer op de weg passeert (de
woorden van de inhoud vóór de link waarop hij tikt). Hoogstens 3 tikken; de routekeuze noemt onderweg het
jobcoachportaal en de gemeente.
"""

from __future__ import annotations

import pytest

from .hulp import BREED, SMAL

MAX_TIKKEN = 3
# Woorden in de inhoud vóór de link, op de startpagina. Eerst (issue 22) las de lezer ongeveer 3.950 woorden over
# vijf tikken; nu staat de routekeuze bovenaan en zijn het er minder dan 150.
MAX_WOORDEN = 150
MAX_WOORDEN_VIA_ROL = 250  # startpagina tot de rolkaart, plus de rolpagina tot 'Rekenhulp' in Wat u vandaag doet

JS_WOORDEN_VOOR = """el => {
  const artikel = document.querySelector('article');
  const r = document.createRange();
  r.setStart(artikel, 0);
  r.setEndBefore(el);
  return r.toString().split(/\\s+/).filter(w => /\\w/.test(w)).length;
}"""


def _tik(pagina, link, smal: bool) -> int:
    woorden = link.evaluate(JS_WOORDEN_VOOR)
    link.scroll_into_view_if_needed()
    assert link.is_visible(), link
    link.tap() if smal else link.click()
    pagina.wait_for_load_state()
    return woorden


@pytest.mark.parametrize("venster", [SMAL, BREED], ids=["375px", "1280px"])
@pytest.mark.parametrize(("linktekst", "doel", "kop"), [
    ("Rekenhulp", "**/rekenhulp/", "Rekenhulp"),
    ("Coachingsplan met urenonderbouwing", "**/sjablonen/coachingsplan/", "Coachingsplan"),
])
def test_van_startpagina_naar_rekenhulp_en_sjabloon(request, server, venster, linktekst, doel, kop):
    smal = venster is SMAL
    pagina = request.getfixturevalue("telefoon" if smal else "pagina")
    pagina.goto(f"{server}/")
    keuze = pagina.locator("article .routekeuze")
    tekst = keuze.inner_text()
    assert "jobcoachportaal" in tekst and "gemeente" in tekst, tekst
    tikken, woorden = 0, 0
    link = keuze.get_by_role("link", name=linktekst, exact=True)
    woorden += _tik(pagina, link, smal)
    tikken += 1
    pagina.wait_for_url(doel)
    assert kop in pagina.locator("article h1").inner_text()
    print(f"{venster['width']}px: {linktekst}: {tikken} tik(ken), {woorden} woorden onderweg")
    assert tikken <= MAX_TIKKEN and woorden <= MAX_WOORDEN, (tikken, woorden)


@pytest.mark.parametrize("venster", [SMAL, BREED], ids=["375px", "1280px"])
def test_via_de_rolpagina_van_de_adviseur_in_twee_tikken(request, server, venster):
    smal = venster is SMAL
    pagina = request.getfixturevalue("telefoon" if smal else "pagina")
    pagina.goto(f"{server}/")
    woorden = _tik(pagina, pagina.locator(".rolkeuze a", has_text="adviseur"), smal)
    pagina.wait_for_url("**/rollen/adviseur/")
    vandaag = pagina.locator("article .rol-vandaag")
    woorden += _tik(pagina, vandaag.get_by_role("link", name="Rekenhulp", exact=True), smal)
    pagina.wait_for_url("**/rekenhulp/")
    print(f"{venster['width']}px: via de rol: 2 tikken, {woorden} woorden onderweg")
    assert woorden <= MAX_WOORDEN_VIA_ROL, woorden
