"""De Content-Security-Policy: op geen enkele pagina een overtreding, en een ingevoegd script wordt geweigerd.

De rondgang langs alle pagina's (rondgang.py) draait met de policy aan en houdt per pagina de overtredingen bij (op
1280 px, met axe-core, het smalle venster en de afdrukweergave erbij; en op de telefoon). Hier komen de printversie
(niet in de sitemap) en een ingevoegd script erbij.
"""

from __future__ import annotations

from .rondgang import MELD_OVERTREDINGEN


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
    p.wait_for_timeout(50)
    assert p.evaluate("!!document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')"), "printversie: geen CSP"
    assert p.evaluate("window.__overtredingen") == [], p.evaluate("window.__overtredingen")

    # Een script dat niet van de site is (zoals een casustekst die toch HTML zou worden) draait niet.
    p.goto(server + "/casussen/begeleidingsbehoefte-en-regime/", wait_until="load")
    p.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ingevoegd = true';
                         document.body.appendChild(s); }""")
    p.wait_for_timeout(100)
    assert p.evaluate("window.__ingevoegd") is None, "een ingevoegd script werd uitgevoerd"
    assert any("script-src" in o for o in p.evaluate("window.__overtredingen")), "geen melding van de geweigerde code"
    context.close()
