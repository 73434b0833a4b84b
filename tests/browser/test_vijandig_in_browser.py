"""De vijandige casusbestanden (tests/vijandig.py) in de rekenhulp: dezelfde melding op dezelfde regel als de
opdrachtregel, meteen, zonder fout in de pagina. (Links en een FIFO bestaan niet in een browser: die vallen weg.)"""

from __future__ import annotations

import base64
import time

import pytest

from jobcoach import Bestandsfout, laad_casus, laad_regels
from leidraadsite.nabouw.chromium import bestandsserver
from vijandig import GEVALLEN, SCRIPT_TITEL

from .rondgang import MELD_OVERTREDINGEN


def test_rekenhulp_geeft_bij_elk_vijandig_bestand_dezelfde_melding_als_python(pagina, server, tmp_path):
    fouten: list[str] = []
    pagina.on("pageerror", lambda fout: fouten.append(str(fout)))
    pagina.goto(f"{server}/rekenhulp/", wait_until="domcontentloaded")
    pagina.wait_for_function("() => window.rekenhulp !== undefined")
    pagina.evaluate("() => rekenhulp.laadLezer()")
    regels = laad_regels()
    getest = 0
    for geval in GEVALLEN:
        if geval.inhoud is None:
            continue
        bestand = tmp_path / f"{geval.naam}.yml"
        bestand.write_bytes(geval.inhoud)
        try:
            laad_casus(bestand, regels)
            raise AssertionError(f"{geval.naam}: Python keurt het bestand goed")
        except Bestandsfout as fout:
            python = fout.problemen[0]
        begin = time.perf_counter()
        uit = pagina.evaluate("(i) => rekenhulp.verwerk(i)", {"bytes": base64.b64encode(geval.inhoud).decode(),
                                                            "bestand": bestand.name})
        duur = time.perf_counter() - begin
        assert "problemen" in uit, f"{geval.naam}: de rekenhulp keurt het bestand goed: {str(uit)[:300]}"
        eerste = uit["problemen"][0]
        assert geval.melding in eerste["melding"], f"{geval.naam}: browser zegt {eerste}, verwacht '{geval.melding}'"
        assert (eerste["regel"], eerste["pad"]) == (python.regel, python.pad), \
            f"{geval.naam}: browser {eerste['regel']}/{eerste['pad']}, Python {python.regel}/{python.pad}"
        assert duur < 10, f"{geval.naam}: {duur:.1f} s"
        getest += 1
    assert not fouten, f"fouten in de pagina: {fouten}"
    assert getest >= 28, getest


# --- Een vijandige titel, voorkant, menu, begrippen en rollen (tests/vijandig.py: TEKST_AANVALLEN) -----------------

VIJANDIGE_PAGINAS = ["casussen/begeleidingsbehoefte-en-regime/", "over/", "begrippen/", "rollen/adviseur/", "",
                     "printversie/"]


@pytest.fixture(scope="module")
def vijandige_site(vijandige_bouw):
    """De kopie van het project met elke vijandige tekst (TEKST_AANVALLEN), streng gebouwd (conftest.vijandige_bouw,
    één keer per run; test_vijandig.py leest dezelfde HTML), op een eigen bestandsserver."""
    assert vijandige_bouw.bouw.returncode == 0, (vijandige_bouw.bouw.stdout + vijandige_bouw.bouw.stderr)[-3000:]
    with bestandsserver(vijandige_bouw.site) as adres:
        yield adres


def test_vijandige_titel_voert_geen_script_uit_en_leest_geen_opgeslagen_gegevens(browser, vijandige_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    context.add_init_script(MELD_OVERTREDINGEN)
    pagina = context.new_page()
    fouten: list[str] = []
    pagina.on("pageerror", lambda fout: fouten.append(str(fout)))
    # Wat de rekenhulp van een lezer bewaart, op dezelfde oorsprong als de site.
    pagina.goto(f"{vijandige_site}/rekenhulp/", wait_until="load")
    pagina.evaluate("() => localStorage.setItem('rekenhulp-proef', 'klantgegevens')")
    bewogen = 0
    for pad in VIJANDIGE_PAGINAS:
        pagina.goto(f"{vijandige_site}/{pad}", wait_until="load")
        # Tooltips tonen een title als HTML: beweeg over elke afkorting, navigatielink en kop met een vijandige tekst
        # (die bevat altijd 'XSS', als tekst, als kenmerk of als ontsnapt script); de andere doen niets met een aanval.
        kandidaten = pagina.locator("abbr[title], nav a, h1")
        vijandig = kandidaten.evaluate_all("els => els.flatMap((el, i) => el.outerHTML.includes('XSS') ? [i] : [])")
        for i in vijandig[:40]:
            if kandidaten.nth(i).is_visible():
                kandidaten.nth(i).hover()
                bewogen += 1
        uitgevoerd = pagina.evaluate("() => Object.keys(window).filter(k => k.startsWith('XSS'))")
        assert uitgevoerd == [], f"/{pad}: een vijandige tekst voerde script uit: {uitgevoerd}"
    assert bewogen >= len(VIJANDIGE_PAGINAS), f"maar {bewogen} elementen met een vijandige tekst gevonden om over te bewegen"
    pagina.goto(f"{vijandige_site}/casussen/begeleidingsbehoefte-en-regime/", wait_until="load")
    assert pagina.title().startswith(SCRIPT_TITEL + " - "), pagina.title()
    assert pagina.locator("h1").first.inner_text().startswith(SCRIPT_TITEL)
    assert not fouten, fouten
    context.close()
