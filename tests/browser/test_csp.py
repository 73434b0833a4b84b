"""De Content-Security-Policy: op geen enkele pagina een overtreding, en een ingevoegd script wordt geweigerd.

Andere browsertests zetten de policy uit (``bypass_csp``) omdat ze zelf stijlen invoegen; deze niet.
"""

from __future__ import annotations

from .hulp import EXTRA_PADEN, sitemap_paden

MELD_OVERTREDINGEN = """
window.__overtredingen = [];
document.addEventListener('securitypolicyviolation', (e) =>
  window.__overtredingen.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + e.sourceFile + ':' + e.lineNumber));
"""


def test_geen_overtreding_op_elke_pagina_en_ingevoegd_script_geweigerd(browser, server, site):
    context = browser.new_context(locale="nl-NL")
    context.add_init_script(MELD_OVERTREDINGEN)
    p = context.new_page()
    fouten = []
    paden = sitemap_paden(site) + EXTRA_PADEN + ["/printversie/"]
    for pad in paden:
        p.goto(server + pad, wait_until="load")
        p.wait_for_timeout(50)
        overtredingen = p.evaluate("window.__overtredingen")
        if overtredingen:
            fouten.append(f"{pad}: {overtredingen}")
        assert p.evaluate("!!document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')"), f"{pad}: geen CSP"
    assert not fouten, "overtredingen van de Content-Security-Policy:\n" + "\n".join(fouten)

    # Een script dat niet van de site is (zoals een casustekst die toch HTML zou worden) draait niet.
    p.goto(server + "/casussen/begeleidingsbehoefte-en-regime/", wait_until="load")
    p.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__ingevoegd = true';
                         document.body.appendChild(s); }""")
    p.wait_for_timeout(100)
    assert p.evaluate("window.__ingevoegd") is None, "een ingevoegd script werd uitgevoerd"
    assert any("script-src" in o for o in p.evaluate("window.__overtredingen")), "geen melding van de geweigerde code"
    context.close()
