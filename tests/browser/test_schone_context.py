"""De tabbladen van ``pagina`` en ``telefoon`` delen per soort scherm één context (conftest.py); wat een test daarin
opslaat of toestaat, mag de volgende test niet zien."""

from __future__ import annotations

from .conftest import _nieuw_tabblad, _ruim_op

LEES = """() => ({lokaal: localStorage.length, sessie: sessionStorage.length, cookie: document.cookie})"""


def test_na_een_test_is_niets_van_de_vorige_test_over(_desktopcontext, server):
    eerste = _nieuw_tabblad(_desktopcontext)
    eerste.goto(f"{server}/rekenhulp/")
    eerste.evaluate("""() => { localStorage.setItem('proef', 'klantgegevens'); sessionStorage.setItem('proef', '1');
                               document.cookie = 'proef=1; path=/'; }""")
    _desktopcontext.grant_permissions(["clipboard-read"], origin=server)
    extra = _desktopcontext.new_page()
    assert eerste.evaluate(LEES) == {"lokaal": 1, "sessie": 1, "cookie": "proef=1"}
    _ruim_op(_desktopcontext, eerste)
    assert eerste.is_closed() and extra.is_closed() and _desktopcontext.pages == []

    tweede = _nieuw_tabblad(_desktopcontext)
    tweede.goto(f"{server}/rekenhulp/")
    assert tweede.evaluate(LEES) == {"lokaal": 0, "sessie": 0, "cookie": ""}
    toestemming = tweede.evaluate("() => navigator.permissions.query({name: 'clipboard-read'}).then(s => s.state)")
    assert toestemming != "granted"
    _ruim_op(_desktopcontext, tweede)


def test_wat_een_pagina_bij_het_sluiten_nog_opslaat_is_er_de_volgende_test_ook_niet(_desktopcontext, server):
    """De rekenhulp bewaart de invoer nog bij het verlaten van een veld (``focusout``) en 150 ms na het typen. Sluit de
    test het tabblad terwijl dat loopt, dan schreef de pagina na het wissen nog in localStorage en zag de volgende test
    een ingevuld formulier (CI, issue 23: de foutsamenvatting bleef weg). Eerst de pagina's weg, dan wissen."""
    eerste = _nieuw_tabblad(_desktopcontext)
    eerste.goto(f"{server}/rekenhulp/")
    eerste.evaluate("""() => addEventListener('pagehide', () => localStorage.setItem('bij-sluiten', 'klantgegevens'))""")
    _ruim_op(_desktopcontext, eerste)

    tweede = _nieuw_tabblad(_desktopcontext)
    tweede.goto(f"{server}/rekenhulp/")
    assert tweede.evaluate(LEES) == {"lokaal": 0, "sessie": 0, "cookie": ""}
    _ruim_op(_desktopcontext, tweede)
