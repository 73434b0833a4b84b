"""Links in de printversie (``/printversie/``, de bron van de PDF) herstellen.

mkdocs-print-site-plugin zet alle pagina's onder elkaar en maakt van elke link binnen de site een
anker in die ene pagina (``#pagina-pad-anker``). Twee soorten links gaan daarbij stuk:

- een anker naar een element dat geen kop is (bijvoorbeeld de opmerkingen onder een Regioplan-tabel):
  de plugin zet het paginavoorvoegsel wel voor de link, maar niet voor het ``id`` van het doel;
- een download van een Markdown-bestand (``casusrapport.md``): de plugin ziet het als een pagina.

Deze functie herstelt beide, zodat de PDF geen dode links heeft. Ze kent MkDocs niet.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_ID = re.compile(r'\sid="([^"]+)"')
_LINK = re.compile(r'<a\b[^>]*>')
_HREF = re.compile(r'\shref="#([^"]+)"')
_DOWNLOAD = re.compile(r'\sdownload="([^"]+)"')


def herstel_links(html: str, site: Path, pagina: Path) -> tuple[str, int]:
    """Geef de HTML met herstelde links terug, en het aantal herstelde links.

    ``site`` is de map van de gebouwde site, ``pagina`` het HTML-bestand van de printversie.
    """
    ids = set(_ID.findall(html))
    hersteld = 0

    def nieuw_doel(anker: str, tag: str) -> str | None:
        download = _DOWNLOAD.search(tag)
        if download:
            kandidaten = [p for p in site.rglob(download.group(1)) if p.is_file()]
            if len(kandidaten) == 1:
                return os.path.relpath(kandidaten[0], pagina.parent).replace(os.sep, "/")
            return None
        # '#achtergrond-jobcoaches-sw-sector-tabel-3-2-opm-3' → het id 'tabel-3-2-opm-3' als dat bestaat.
        delen = anker.split("-")
        for i in range(1, len(delen)):
            kort = "-".join(delen[i:])
            if kort in ids:
                return "#" + kort
        return None

    def vervang(m: re.Match[str]) -> str:
        nonlocal hersteld
        tag = m.group(0)
        href = _HREF.search(tag)
        if href is None or href.group(1) in ids:
            return tag
        doel = nieuw_doel(href.group(1), tag)
        if doel is None:
            return tag
        hersteld += 1
        return tag.replace(href.group(0), f' href="{doel}"')

    return _LINK.sub(vervang, html), hersteld
