"""MkDocs-hook: tabellen krijgen kolomnamen bij elke cel en hun rollen (zie src/leidraadsite/tabellen.py).

Na haak.py (die de tabellen uit de macro's terugzet) en vóór de zoekfunctie en de printversie, zodat de
printversie dezelfde tabellen krijgt.
"""

from __future__ import annotations

from mkdocs.plugins import event_priority

from leidraadsite.tabellen import markeer_tabellen


@event_priority(90)
def on_page_content(html, page, config, files):  # noqa: ANN001, ANN201 - vaste vorm van MkDocs
    return markeer_tabellen(html)
