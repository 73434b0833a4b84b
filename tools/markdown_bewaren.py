"""Bewaart de Markdown van elke pagina na de macro's (voor de statische variant).

De macro's zetten tabellen als merkteken in de Markdown (de extensie src/leidraadsite/weergave/htmlblok.py zet ze terug); hier
komt de HTML zelf in de bewaarde Markdown, zoals een statische pagina hem zou bevatten.
"""
import os

import yaml
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from leidraadsite.weergave.htmlblok import MERKTEKEN, inhoud

DOEL = os.environ["JOBCOACH_BENCH_DUMP"]  # tools/bench.py zet de map


@event_priority(-10)  # na mkdocs-macros (0); zonder statusblok, dat zet leidraadsite.weergave.statusblok ook in de statische bouw
def on_page_markdown(markdown: str, page: Page, config: object, files: object) -> str:  # noqa: ARG001 - vorm van MkDocs
    statisch = MERKTEKEN.sub(inhoud, markdown)
    pad = os.path.join(DOEL, page.file.src_path)
    os.makedirs(os.path.dirname(pad), exist_ok=True)
    kop = ""
    if page.meta:
        # Markup (HTML van de macro's, zoals de paginavoet) is een str-subklasse: als gewone tekst bewaren.
        meta = {k: (str(v) if isinstance(v, str) else v) for k, v in page.meta.items()}
        kop = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n"
    with open(pad, "w", encoding="utf-8") as f:
        f.write(kop + statisch)
    return markdown
