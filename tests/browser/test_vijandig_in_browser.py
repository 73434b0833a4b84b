"""De vijandige casusbestanden (tests/vijandig.py) in de rekenhulp: dezelfde melding op dezelfde regel als de
opdrachtregel, meteen, zonder fout in de pagina. (Links en een FIFO bestaan niet in een browser: die vallen weg.)"""

from __future__ import annotations

import base64
import time

from jobcoach import Bestandsfout, laad_casus, laad_regels
from vijandig import GEVALLEN


def test_rekenhulp_geeft_bij_elk_vijandig_bestand_dezelfde_melding_als_python(browser, server, tmp_path):
    context = browser.new_context(locale="nl-NL")
    pagina = context.new_page()
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
    context.close()
