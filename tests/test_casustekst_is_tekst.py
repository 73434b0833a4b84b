"""Tekst uit een casusbestand is op de gebouwde site altijd tekst: geen link, geen kenmerk, geen script.

Een bijdrager kan in een pull request elke tekst in een casus zetten. De site bouwt die casus, en de
tekst komt op de casuspagina, op *Zo rekent de site* en in de printversie. Deze test zet opmaak in
elk tekstveld (Markdown-links met ``javascript:``, attr_list-kenmerken, ruwe HTML, Jinja) en zoekt in
de hele gebouwde site naar een werkende link, een handler of een script met die tekst.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Comment

from bouwhulp import bouw_met_eigen_pakket

MERK = "XSSMERK"

# Elke vorm waarmee tekst in Markdown of HTML iets anders kan worden dan tekst.
VIJANDIG = [
    f"[klik {MERK}1](javascript:alert(1))",
    f"[a {MERK}2](https://example.invalid){{: onclick=alert(3) }}",
    f"<img src=x onerror=alert(4)> {MERK}3",
    f"<script>alert('{MERK}4')</script>",
    f'<a href="javascript:alert(6)">{MERK}5</a>',
    f"{{{{ config.site_name }}}} {{% raw %}} {MERK}6",
    f"regel\n# Kop {MERK}7\n{{: onmouseover=alert(7) }}",
    f"*{MERK}8* `code` <{MERK}9@example.invalid> <https://example.invalid/{MERK}10>",
    f"| cel | {MERK}11 |\n|---|---|\n| a | b |",
    f"!!! warning \"{MERK}12\"\n    tekst",
]


# Elementen die casustekst nooit mag worden (een tabelcel of lijstitem van het sjabloon mag wel).
OPMAAK = {"a", "em", "strong", "code", "pre", "script", "style", "iframe", "object", "embed", "img", "svg"}


def _vijandige_casus(pad: Path) -> None:
    gegevens = yaml.safe_load(pad.read_text(encoding="utf-8"))
    teller = iter(range(10_000))

    def tekst() -> str:
        return VIJANDIG[next(teller) % len(VIJANDIG)]

    gegevens["titel"] = tekst()
    gegevens["bron"] = tekst()
    for rij in gegevens["schema"]:
        rij["knelpunt"] = tekst()
        rij["aan"] = tekst()
        rij["motivering"] = [tekst(), tekst()]
    for extra in gegevens["extra"]:
        extra["omschrijving"] = tekst()
    pad.write_text(yaml.safe_dump(gegevens, allow_unicode=True, sort_keys=False), encoding="utf-8")


# Een pagina die elk tekstveld met {{ ... }} in lopende tekst, een lijst, een tabel en een kop zet.
TOON_ALLES = """

## Alle teksten { #alle-teksten }

{{ c.casus.titel }} en {{ c.casus.bron }}

{% for r in c.rijen %}
- {{ r.rij.knelpunt }}: {{ r.rij.aan }} {% for m in r.rij.motivering %}{{ m }} {% endfor %}
{% endfor %}

| Veld | Tekst |
|---|---|
{% for e in c.extra %}| omschrijving | {{ e.omschrijving }} |
{% endfor %}

### {{ c.casus.titel }}
"""


def test_opmaak_in_elk_tekstveld_wordt_nergens_een_link_kenmerk_of_script(project, tmp_path):
    _vijandige_casus(project / "casussen" / "begeleidingsbehoefte-en-regime.yml")
    rekenpagina = project / "docs" / "casussen" / "zo-rekent-de-site.md"
    rekenpagina.write_text(rekenpagina.read_text(encoding="utf-8") + TOON_ALLES, encoding="utf-8")
    site = tmp_path / "site"
    resultaat = bouw_met_eigen_pakket(project, site)
    assert resultaat.returncode == 0, resultaat.stderr[-3000:]

    pagina_met_merk = []
    for html in sorted(site.rglob("*.html")):
        inhoud = html.read_text(encoding="utf-8")
        if MERK not in inhoud:
            continue
        pagina_met_merk.append(html.relative_to(site).as_posix())
        soep = BeautifulSoup(inhoud, "html.parser")
        for element in soep.find_all(True):
            for naam, waarde in element.attrs.items():
                tekst = " ".join(waarde) if isinstance(waarde, list) else str(waarde)
                assert not naam.lower().startswith("on"), f"{html}: handler {naam}={tekst!r} op <{element.name}>"
                assert not tekst.strip().lower().startswith("javascript:"), f"{html}: {naam}={tekst!r}"
                assert MERK not in tekst or naam in {"title", "aria-label", "alt"} and element.name != "a", (
                    f"{html}: casustekst in het kenmerk {naam} van <{element.name}>: {tekst!r}"
                )
        for stuk in soep.find_all(string=lambda t: MERK in t):
            # Een link naar een kop op de eigen pagina (inhoudsopgave) is van de site, niet van de casus.
            opmaak = [o.name for o in stuk.parents
                      if o.name in OPMAAK and not (o.name == "a" and o.get("href", "").startswith("#"))]
            assert not opmaak, f"{html}: casustekst werd <{opmaak[0]}>: {stuk.parent}"
            assert not stuk.strip().startswith(f"Kop {MERK}"), f"{html}: casustekst werd een kop: {stuk.parent}"
            assert not any("admonition" in (o.get("class") or []) and f"{MERK}12" in o.get_text()
                           for o in stuk.parents if o.name == "div"), f"{html}: casustekst werd een blok"
        for opmerking in soep.find_all(string=lambda s: isinstance(s, Comment)):
            assert MERK not in opmerking, f"{html}: casustekst in HTML-commentaar"

    # De teksten staan er wel, letterlijk leesbaar, op de pagina's die ze tonen (en in de printversie).
    assert "casussen/zo-rekent-de-site/index.html" in pagina_met_merk, pagina_met_merk
    assert "printversie/index.html" in pagina_met_merk, pagina_met_merk
    rekenen = BeautifulSoup((site / "casussen/zo-rekent-de-site/index.html").read_text(encoding="utf-8"),
                            "html.parser").select_one("article")
    for voet in rekenen.select("aside.pagina-voet"):  # de voet noemt de site zelf ("Verwijzen naar deze pagina")
        voet.decompose()
    leesbaar = re.sub(r"\s+", " ", rekenen.get_text(" "))
    for vorm in VIJANDIG:
        assert re.sub(r"\s+", " ", vorm) in leesbaar, f"niet letterlijk getoond: {vorm!r}"
    assert "Leidraad Jobcoach online" not in leesbaar.split("Alle teksten")[1], "Jinja in casustekst werd uitgevoerd"
