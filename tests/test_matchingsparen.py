"""De vijf paren van werknemerprofiel en werkprofiel heten overal hetzelfde als in de leidraad.

De woorden komen uit de leidraad (AKC, pagina 189927, zie MATCHINGSPAREN in test_sjablonen.py). Ze
staan op de pagina's Matching, Werknemerprofiel en Werkprofiel, op de pagina van het sjabloon en in
het sjabloon Matchingsformulier zelf. Een andere woordkeus op één plek maakt deze test rood.
"""

from __future__ import annotations

import re

from conftest import ROOT
from leidraadsite.weergave.sjablonen import SJABLONEN_MAP
from test_sjablonen import MATCHINGSPAREN

DOCS = ROOT / "docs"


def tabelrijen(markdown: str, kop: str) -> list[tuple[str, str]]:
    """De rijen (twee cellen) van de Markdown-tabel die met deze kopregel begint."""
    regels = markdown.splitlines()
    begin = next(i for i, r in enumerate(regels) if r.strip() == kop)
    rijen = []
    for regel in regels[begin + 2:]:
        if not regel.startswith("|"):
            break
        cellen = [c.strip() for c in regel.strip().strip("|").split("|")]
        rijen.append((cellen[0].lower(), cellen[1].lower()))
    return rijen


def test_matching_werknemerprofiel_en_sjabloonpagina_gebruiken_de_paren_van_de_leidraad():
    for pagina, kop in (
        ("leidraad/opstellen/matching.md", "| Werknemerprofiel | Werkprofiel |"),
        ("leidraad/opstellen/werknemerprofiel.md", "| Onderdeel van het werknemerprofiel | Tegenhanger in het werkprofiel |"),
        ("sjablonen/matchingsformulier.md", "| Werknemerprofiel | Werkprofiel |"),
    ):
        rijen = tabelrijen((DOCS / pagina).read_text(encoding="utf-8"), kop)
        assert rijen == MATCHINGSPAREN, f"{pagina}: {rijen}"


def test_werkprofiel_noemt_de_vijf_onderdelen_zoals_de_paren():
    tekst = (DOCS / "leidraad/opstellen/werkprofiel.md").read_text(encoding="utf-8")
    onderdelen = [m.lower() for m in re.findall(r"^\d\. \*\*(.+?)\.\*\*", tekst, re.MULTILINE)]
    assert onderdelen == [werkplek for _, werkplek in MATCHINGSPAREN], onderdelen


def test_matchingsformulier_noemt_de_paren_in_de_koppen():
    tekst = (SJABLONEN_MAP / "matchingsformulier.md").read_text(encoding="utf-8")
    koppen = re.findall(r"^## \d\. (.+) tegenover (.+)$", tekst, re.MULTILINE)
    assert [(a.lower(), b.lower()) for a, b in koppen] == MATCHINGSPAREN, koppen
