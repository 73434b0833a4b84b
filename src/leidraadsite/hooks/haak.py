"""MkDocs-hook bij de macro's: zet de HTML uit de macro's terug in de pagina, ná Markdown.

De macro's (``macros/__init__.py``) zetten een tabel niet zelf in de Markdown, maar een merkteken
(``<!--jobcoach-html:0-->``). Markdown laat zo'n HTML-commentaar ongemoeid en hoeft de grote tabellen
dus niet te ontleden; dat scheelt bij veel casussen veel bouwtijd. Deze hook vervangt elk merkteken
door de bewaarde HTML, vóór andere plugins (zoals de zoekfunctie) de pagina lezen.

Een merkteken zonder HTML, of HTML zonder merkteken (bijvoorbeeld omdat de macro in een codeblok
stond), laat de bouw stoppen: een pagina zonder tabel mag niet stil online komen.
"""

from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from leidraadsite import aanpassingen

MERKTEKEN = re.compile(r"<!--jobcoach-html:(\d+)-->")


@event_priority(100)  # als eerste, zodat de zoekfunctie en andere plugins de echte tabellen zien
def on_page_content(html, page, config, files):  # noqa: ANN001, ANN201 - vaste vorm van MkDocs
    apart: list[str] = page.__dict__.pop("jobcoach_html", [])
    if not apart and "<!--jobcoach-html:" not in html:
        return html
    geplaatst: set[int] = set()

    def plaats(treffer: re.Match[str]) -> str:
        nummer = int(treffer.group(1))
        if nummer >= len(apart):
            raise PluginError(f"{page.file.src_uri}: merkteken {treffer.group(0)} zonder bijbehorende HTML")
        geplaatst.add(nummer)
        return apart[nummer]

    html = MERKTEKEN.sub(plaats, html)
    if len(geplaatst) != len(apart):
        raise PluginError(
            f"{page.file.src_uri}: {len(apart) - len(geplaatst)} tabel(len) uit een macro konden niet worden "
            "geplaatst. Staat de macro in een codeblok of midden in andere HTML? Zet hem in een eigen alinea."
        )
    return html


def on_config(config):  # noqa: ANN001, ANN201 - vaste vorm van MkDocs
    """Material's sjablonen niet bij elke bouw opnieuw compileren (aanpassing ``thema-bytecode``)."""
    aanpassingen.thema_bytecode(config.theme)
    return config
