"""De Content-Security-Policy: op geen enkele pagina een overtreding, en een ingevoegd script wordt geweigerd.

De rondgang langs alle pagina's (rondgang.py) draait met de policy aan en houdt per pagina de overtredingen bij (op
1280 px, met axe-core, het smalle venster en de afdrukweergave erbij; en op de telefoon). Hier komen de printversie
(niet in de sitemap) en een ingevoegd script erbij.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from leidraadsite.nabouw.csp import met_policy
from leidraadsite.nabouw.chromium import bestandsserver

from .rondgang import JS_NA_EEN_BEELD, MELD_OVERTREDINGEN


def test_geen_overtreding_op_elke_pagina_van_de_rondgang(rondgang_breed, rondgang_smal):
    fouten = []
    for soort, bezoeken in (("1280 px", rondgang_breed), ("telefoon", rondgang_smal)):
        for bezoek in bezoeken:
            csp = bezoek.metingen.get("csp")
            assert csp is not None, f"{bezoek.pad}: de rondgang mat de CSP niet"
            if not csp["meta"]:
                fouten.append(f"{bezoek.pad} ({soort}): geen CSP")
            if csp["overtredingen"] is None:
                fouten.append(f"{bezoek.pad} ({soort}): de melder van overtredingen draaide niet")
            elif csp["overtredingen"]:
                fouten.append(f"{bezoek.pad} ({soort}): {csp['overtredingen']}")
    assert not fouten, "overtredingen van de Content-Security-Policy:\n" + "\n".join(fouten)


def test_printversie_zonder_overtreding_en_ingevoegd_script_geweigerd(browser, server):
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(MELD_OVERTREDINGEN)
    p = context.new_page()
    p.goto(server + "/printversie/", wait_until="load")
    p.evaluate(JS_NA_EEN_BEELD)  # een melding van een overtreding komt als taak na het laden: eerst die taken
    assert p.evaluate("!!document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')"), "printversie: geen CSP"
    assert p.evaluate("window.__overtredingen") == [], p.evaluate("window.__overtredingen")

    # Een script dat niet van de site is (zoals een casustekst die toch HTML zou worden) draait niet.
    p.goto(server + "/casussen/begeleidingsbehoefte-en-regime/", wait_until="load")
    p.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ingevoegd = true';
                         document.body.appendChild(s); }""")
    # Wachten op de melding van de geweigerde code (komt ze niet binnen 5 s, dan faalt de test).
    try:
        p.wait_for_function("() => window.__overtredingen.some(o => o.includes('script-src'))", timeout=5000)
    except PlaywrightTimeoutError:
        pytest.fail(f"geen melding van de geweigerde code: {p.evaluate('window.__overtredingen')}")
    assert p.evaluate("window.__ingevoegd") is None, "een ingevoegd script werd uitgevoerd"
    context.close()


def test_script_dat_toch_in_een_pagina_staat_mag_niets_en_leest_geen_opgeslagen_gegevens(browser, site, tmp_path):
    """Stel dat een script de controle van de bouw voorbij komt (zoals een titel die uit <title> breekt): de policy
    van de pagina (leidraadsite.nabouw.csp.met_policy) noemt alleen de bekende scripts, dus de browser voert het niet uit."""
    bron = (site / "casussen/begeleidingsbehoefte-en-regime/index.html").read_text(encoding="utf-8")
    bron = re.sub(r'\n    <meta http-equiv="Content-Security-Policy" content="[^"]*">', "", bron)
    aanval = ("<script>window.__gelezen = localStorage.getItem('rekenhulp-proef') || 'leeg';"
              "document.title = 'GEKAAPT'</script>")
    vijandig = bron.replace("<title>", f"<title>Casus Jansen</title>{aanval}<title>", 1)
    assert aanval in vijandig
    (tmp_path / "index.html").write_text(met_policy(vijandig), encoding="utf-8")
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(MELD_OVERTREDINGEN)
    p = context.new_page()
    with bestandsserver(tmp_path) as adres:
        p.goto(adres + "/", wait_until="load")
        p.evaluate("() => localStorage.setItem('rekenhulp-proef', 'klantgegevens')")
        p.reload(wait_until="load")  # een script in <head> draait (of niet) vóór 'load'
        assert p.evaluate("window.__gelezen") is None, "het ingevoegde script las de opgeslagen gegevens"
        assert p.title() != "GEKAAPT"
        p.wait_for_function("() => window.__overtredingen.length > 0")
        assert any(o.startswith("script-src") for o in p.evaluate("window.__overtredingen")), \
            p.evaluate("window.__overtredingen")
    context.close()
