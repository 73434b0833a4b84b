"""Tekst uit gegevens (begrippen, rollen, titels) veilig in Markdown en HTML: altijd tekst, nooit opmaak.

Een bijdrager schrijft deze teksten in YAML of in de voorkant van een pagina. Op de site moeten ze letterlijk
leesbaar zijn: geen HTML (``<script>``), geen Markdown-link (``[a](javascript:…)``), geen kenmerk
(``{: onclick=… }``), geen kop of lijst.
"""

from __future__ import annotations

import html
import re

# Tekens die in lopende Markdown-tekst iets anders worden dan tekst: HTML, links, nadruk, code, kenmerken,
# tabellen, regeleinden. Ze worden numerieke entiteiten; de browser toont ze als het teken zelf. (Een losse & laat
# Markdown zelf tekst; een entiteit als &lt; wordt hoogstens het teken <, als tekst. Zo vindt de extensie voor
# afkortingen ook 'RI&E'.)
_IN_DE_TEKST = str.maketrans({"<": "&lt;", ">": "&gt;"}
                             | {t: f"&#{ord(t)};" for t in "\\`*_{}[]|~^$@!"})
# Tekens die alleen aan het begin van een regel iets worden (kop, lijst, citaat, definitie, blok).
_AAN_HET_BEGIN = re.compile(r"^([-+#:=>!]|\d+[.)])")


def md_tekst(tekst: str) -> str:
    """``tekst`` als gewone tekst in Markdown, op één regel (witruimte wordt één spatie)."""
    tekst = " ".join(str(tekst).split()).translate(_IN_DE_TEKST)
    return _AAN_HET_BEGIN.sub(lambda m: "".join(f"&#{ord(t)};" for t in m.group(1)), tekst)


def html_tekst(tekst: str) -> str:
    """Een titel of omschrijving als HTML-tekst (zoals MkDocs een kop als titel geeft): ``<`` wordt ``&lt;``.

    Werkt ook op tekst die al HTML-tekst is (``A &amp; B`` blijft ``A &amp; B``): eerst terug naar gewone tekst,
    dan opnieuw. Zo kan het geen kwaad als het twee keer gebeurt."""
    return html.escape(html.unescape(str(tekst)), quote=True)


def lijkt_op_html(tekst: str) -> bool:
    """Staat er iets in wat een browser als HTML-element leest (``<a``, ``</``, ``<!``, ``<?``)?"""
    return re.search(r"<[A-Za-z/!?]", tekst) is not None


def titels_als_tekst(items: list) -> None:
    """De titels van het menu (secties, links en pagina's uit ``nav`` in mkdocs.yml) als HTML-tekst."""
    for item in items:
        if item.__dict__.get("title") is not None:  # een titel uit mkdocs.yml (bij een pagina: anders None)
            item.__dict__["title"] = html_tekst(item.__dict__["title"])
        if getattr(item, "children", None):
            titels_als_tekst(item.children)


def pagina_als_tekst(pagina: object) -> None:
    """Titel (uit het menu, de voorkant of mkdocs-macros) en omschrijving van een pagina als HTML-tekst, zoals een
    titel uit een kop al is. Het thema zet ze zonder escapen in de pagina (menu, kop, ``<meta name="description">``);
    ``overrides/main.html`` zet ``<title>`` met ``striptags | e``. Twee keer kan geen kwaad."""
    eigen = pagina.__dict__
    if eigen.get("title") is not None:
        eigen["title"] = html_tekst(eigen["title"])
    meta = getattr(pagina, "meta", None) or {}
    for veld in ("title", "description"):
        if meta.get(veld) is not None:
            meta[veld] = html_tekst(meta[veld])
