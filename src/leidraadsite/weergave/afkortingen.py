"""Markdown-extensie: elke bekende afkorting krijgt haar betekenis bij aanwijzen en bij focus.

Gebruik in mkdocs.yml (in plaats van de gewone extensie ``abbr``)::

    markdown_extensions:
      - leidraadsite.weergave.afkortingen

De afkortingen komen uit ``data/begrippen.yml``, dezelfde lijst als de pagina Begrippen. De
standaardextensie ``abbr`` van Python-Markdown zet ze in ``<abbr title="…">``. Daarna krijgt
de eerste ``<abbr>`` van elke afkorting op een pagina ``tabindex="0"`` (niet binnen een link):
zo kan wie met het toetsenbord werkt er ook naartoe, zonder dat elke herhaling een tabstop wordt.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 - zoals Python-Markdown

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension
from markdown.treeprocessors import Treeprocessor

from jobcoach.fouten import Bestandsfout

from leidraadsite.inhoud.begrippen import laad_begrippen


class _FocusTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        # Een afkorting binnen een link krijgt geen eigen tabstop: de link zelf is al te bereiken.
        in_link = {id(a) for link in root.iter("a") for a in link.iter("abbr")}
        gezien: set[str] = set()
        for element in root.iter("abbr"):
            tekst = element.text or ""
            if id(element) not in in_link and tekst not in gezien:
                gezien.add(tekst)
                element.set("tabindex", "0")


class AfkortingenExtension(AbbrExtension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - naam komt van Python-Markdown
        try:
            self.load_glossary(laad_begrippen().afkortingen())
        except Bestandsfout:
            # MkDocs probeert de extensie al bij het lezen van mkdocs.yml, en toont dan een traceback. De bouw
            # leest de begrippen daarna zelf (bouw.py) en stopt met de Nederlandse melding (bestand, regel, veld).
            pass
        super().extendMarkdown(md)
        # Na 'abbr' (prioriteit 7) en vóór de rest van de afwerking.
        md.treeprocessors.register(_FocusTreeprocessor(md), "abbr_focus", 6)


def makeExtension(**kwargs: object) -> AfkortingenExtension:  # noqa: N802 - naam komt van Python-Markdown
    return AfkortingenExtension(**kwargs)
