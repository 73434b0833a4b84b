"""Markdown-extensie: HTML uit de macro's komt ongewijzigd in de pagina, onder elke bouwer.

Gebruik in mkdocs.yml::

    markdown_extensions:
      - leidraadsite.weergave.htmlblok

Een macro die een grote tabel maakt (``schema_tabel``, ``berekening_tabel`` …) zet niet de HTML zelf in de
Markdown, maar één regel :func:`merkteken` met de HTML erin (base64). Deze extensie legt die HTML opzij in
Python-Markdown's eigen bewaarplaats (``md.htmlStash``) voordat Markdown de tekst ontleedt; Markdown zet hem
aan het eind terug. Zo hoeft Markdown de grote tabellen niet te ontleden (dat scheelt bij veel casussen veel
bouwtijd), en er is geen hook, plugin of gedeelde toestand nodig: MkDocs, ProperDocs en Zensical draaien
allemaal Python-Markdown met de extensies uit ``mkdocs.yml``.

Een merkteken dat niet geplaatst kan worden (de macro staat in een codeblok), laat de bouw stoppen met een
Nederlandse melding. Draait de extensie helemaal niet, dan vindt de controle na de bouw
(``python -m leidraadsite.nabouw``) het achtergebleven merkteken: een pagina zonder tabel komt nooit stil online.
"""

from __future__ import annotations

import base64
import re

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

from leidraadsite.weergave.motor import Bouwfout

VOORVOEGSEL = "jobcoach-html:"
MERKTEKEN = re.compile(r"<!--jobcoach-html:([A-Za-z0-9_=-]*)-->")


class MerktekenFout(Bouwfout):
    """Een merkteken dat niet geplaatst kon worden."""


def merkteken(html: str) -> Markup:
    """Eén regel die deze extensie vervangt door ``html``, zonder dat Markdown die HTML ontleedt."""
    return Markup(f"<!--{VOORVOEGSEL}{base64.urlsafe_b64encode(html.encode('utf-8')).decode('ascii')}-->")


def inhoud(treffer: re.Match[str]) -> str:
    return base64.urlsafe_b64decode(treffer.group(1).encode("ascii")).decode("utf-8")


class _Opzij(Preprocessor):
    """Elk merkteken wordt een plaatshouder van Python-Markdown (``htmlStash``)."""

    def run(self, lines: list[str]) -> list[str]:
        tekst = "\n".join(lines)
        if VOORVOEGSEL not in tekst:
            return lines
        return MERKTEKEN.sub(lambda t: self.md.htmlStash.store(inhoud(t)), tekst).split("\n")


class _Controle(Postprocessor):
    """Staat er na Markdown nog een merkteken (in een codeblok, of ontsnapt), dan stopt de bouw."""

    def run(self, text: str) -> str:
        if VOORVOEGSEL in text:
            raise MerktekenFout(
                "een tabel uit een macro kon niet worden geplaatst (merkteken jobcoach-html). Staat de macro in "
                "een codeblok of midden in andere HTML? Zet hem in een eigen alinea, met een lege regel ervoor en erna."
            )
        return text


class HtmlBlokExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - naam komt van Python-Markdown
        md.registerExtension(self)
        # Na de codeblokken van pymdownx.superfences (25) en vóór de HTML-blokken van Markdown (20): een merkteken
        # in een codeblok blijft tekst (en de controle meldt het), een merkteken in een alinea wordt geplaatst.
        md.preprocessors.register(_Opzij(md), "jobcoach_html", 22)
        # Na het terugzetten van de HTML (raw_html, 30).
        md.postprocessors.register(_Controle(md), "jobcoach_html_controle", 5)


def makeExtension(**kwargs: object) -> HtmlBlokExtension:  # noqa: N802 - naam komt van Python-Markdown
    return HtmlBlokExtension(**kwargs)
