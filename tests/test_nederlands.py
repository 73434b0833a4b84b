"""Alles wat een lezer of een schermlezer van het thema te zien of te horen krijgt, is Nederlands.

De test zoekt in elke gebouwde HTML-pagina (ook 404.html en de printversie) naar Engelse teksten van
het thema en van Python-Markdown:

- ENGELS_VAST: teksten die we kennen van eerdere fouten ('Permanent link' op elk anker, de 404-pagina,
  'Header' en 'Footer' als naam van de navigatie) en andere vaste teksten van de gebruikte onderdelen;
- alle Engelse teksten van Material zelf, gelezen uit zijn taalbestand ``partials/languages/en.html``
  (zo valt ook een tekst die een nieuwe versie van Material toevoegt eronder). Een paar woorden zijn in
  het Nederlands hetzelfde; die staan in ZELFDE_IN_HET_NEDERLANDS en tellen niet.

Gezocht wordt in de attributen die een lezer of schermlezer meekrijgt (title, aria-label, alt,
placeholder, value), in losse tekstblokken (een tekst die precies een Engelse themazin is) en in de
vertalingen die het thema aan zijn JavaScript meegeeft (``__config``). Gewone lopende tekst met een
Engelse term, zoals *supported employment*, telt dus niet: het gaat om de teksten van de interface.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
from bs4 import BeautifulSoup

ENGELS_VAST = {
    "Permanent link",  # Python-Markdown toc: permalink_title
    "404 - Not found",  # Material 404.html
    "Not found",
    "Header",  # Material: aria-label van de navigatie bovenaan (ook in zijn nl-vertaling)
    "Footer",  # idem, onderaan
    "Skip to content",
    "Back to top",
    "Table of contents",
    "Table of Contents",  # mkdocs-print-site-plugin, standaard toc_title
    "Print Site",
    "Edit this page",
    "Copy to clipboard",
    "Copied to clipboard",
    "Search",
    "Clear",
    "Share",
    "Previous",
    "Next",
    "Navigation",
    "1 overeenkomende document",  # taalfout in Material's nl-vertaling
}
# Engelse teksten van Material die in het Nederlands hetzelfde woord zijn, of geen tekst voor een lezer.
ZELFDE_IN_HET_NEDERLANDS = {"in", "Metadata", "RSS feed", "Tabs", "en", "ltr", "stopWordFilter", "[\\s\\-]+"}
ATTRIBUTEN = ("title", "aria-label", "alt", "placeholder", "value")


def engelse_themateksten() -> set[str]:
    taalbestand = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    teksten = set(re.findall(r'^\s*"[^"]+": "(.*)",?$', taalbestand.read_text(encoding="utf-8"), re.MULTILINE))
    assert len(teksten) > 40, f"het taalbestand van Material is anders dan verwacht: {taalbestand}"
    return {t for t in teksten if t not in ZELFDE_IN_HET_NEDERLANDS} | ENGELS_VAST


def engels_op_pagina(html: str, engels: set[str]) -> list[str]:
    soep = BeautifulSoup(html, "html.parser")
    gevonden = []
    for el in soep.find_all(True):
        for attr in ATTRIBUTEN:
            waarde = el.get(attr)
            if isinstance(waarde, str):
                # 'Next: Toepassingsgebied' is de naam van een link naar de volgende pagina.
                kern = waarde.split(":")[0].strip()
                if waarde.strip() in engels or kern in engels:
                    gevonden.append(f'<{el.name} {attr}="{waarde}">')
    for script in soep.select("script#__config"):
        vertalingen = json.loads(script.string or "{}").get("translations", {})
        gevonden += [f"__config {k}: {v}" for k, v in vertalingen.items() if v in engels]
    for weg in soep(["script", "style", "code", "pre"]):
        weg.decompose()
    for tekst in soep.find_all(string=True):
        if tekst.strip() in engels:
            gevonden.append(f"tekst '{tekst.strip()}' in <{tekst.parent.name}>")
    return gevonden


def test_de_lijst_met_engelse_teksten_kent_de_bekende_fouten():
    engels = engelse_themateksten()
    assert {"Permanent link", "404 - Not found", "Header", "Footer", "Skip to content"} <= engels
    assert "in" not in engels, "een woord dat ook Nederlands is, hoort niet in de lijst"


def test_zoeker_vindt_engels_in_attributen_tekst_en_vertalingen():
    html = ('<html><body><nav aria-label="Header"></nav><a class="headerlink" title="Permanent link">¶</a>'
            '<a aria-label="Next: Toepassingsgebied">x</a><h1>404 - Not found</h1>'
            '<script id="__config" type="application/json">{"translations": {"clipboard.copy": "Copy to clipboard"}}'
            "</script><p>Werken met supported employment.</p></body></html>")
    gevonden = engels_op_pagina(html, engelse_themateksten())
    assert len(gevonden) == 5, gevonden


def test_geen_engelse_tekst_van_het_thema_in_de_gebouwde_site(site):
    engels = engelse_themateksten()
    paginas = sorted(site.rglob("*.html"))
    assert any(p.name == "404.html" for p in paginas) and len(paginas) > 30, paginas
    fouten = {}
    for pad in paginas:
        gevonden = engels_op_pagina(pad.read_text(encoding="utf-8"), engels)
        if gevonden:
            fouten[str(pad.relative_to(site))] = sorted(set(gevonden))
    assert not fouten, "Engelse teksten in de interface:\n" + "\n".join(
        f"- {p}: {', '.join(g[:6])}" for p, g in sorted(fouten.items()))


def test_de_pagina_niet_gevonden_is_nederlands_en_leidt_naar_de_start(site):
    soep = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    artikel = soep.select_one("article")
    assert artikel.find("h1").get_text(strip=True) == "Pagina niet gevonden", artikel.find("h1")
    assert artikel.find("a", string=re.compile("startpagina")), artikel
    assert soep.find("html")["lang"] == "nl"
