"""Markdown-extensie: de vaste link (¶) naast elke kop is geen tabstop en wordt niet voorgelezen.

Gebruik in mkdocs.yml, ná de extensie ``toc`` (die de ¶-links maakt)::

    markdown_extensions:
      - toc: {permalink: true}
      - leidraadsite.weergave.ankers

Waarom zo, en niet een eigen naam per kop (issue 22)? De site had 363 van zulke links. Met het toetsenbord was
elke kop een extra tabstop, en een schermlezer las bij elke kop "Vaste link naar deze kop" of "¶" voor. Een
naam per kop ("Vaste link naar: Doel van de leidraad") maakt het voorlezen beter, maar laat alle tabstops
staan. Dezelfde adressen met anker staan met de koptekst als naam in de inhoudsopgave van de pagina (rechts, of
in het menu op een telefoon); wie met het toetsenbord werkt, kopieert daar de link naar een kop, of gebruikt
het blok "Verwijzen naar deze pagina" onderaan. Met de muis blijft de ¶ zichtbaar en klikbaar.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 - zoals Python-Markdown

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

KLASSE = "headerlink"  # de klasse die toc aan de ¶-link geeft (permalink_class, standaard)


class _AnkerTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for link in root.iter("a"):
            if KLASSE in (link.get("class") or "").split():
                link.set("tabindex", "-1")
                link.set("aria-hidden", "true")


class AnkersExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - naam komt van Python-Markdown
        # toc draait als treeprocessor met prioriteit 5; deze erna (lager getal = later).
        md.treeprocessors.register(_AnkerTreeprocessor(md), "leidraadsite_ankers", 4)


def makeExtension(**kwargs: object) -> AnkersExtension:  # noqa: N802 - naam die Python-Markdown zoekt
    return AnkersExtension(**kwargs)
